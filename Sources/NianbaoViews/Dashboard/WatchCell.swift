/// The agency table's 关注 column: the anomalies among a report's findings
/// (`anomaly.*`, information the office wants pointed out), each as a short label.
enum WatchCell {
    /// Short Chinese labels of the anomaly codes.
    static func label(_ code: String) -> String? {
        switch code {
        case "anomaly.correction_rate": return "纠错率偏高"
        case "anomaly.applications_jump": return "申请量突变"
        default: return code.hasPrefix("anomaly.") ? "异常" : nil
        }
    }

    /// The cell's content: each anomaly once, its message as the tooltip; "—" when none.
    static func content(_ findings: [FindingLine]) -> String {
        var seen = Set<String>()
        var parts: [String] = []
        for finding in findings where finding.counts {
            guard let label = label(finding.code), seen.insert(finding.code).inserted else { continue }
            parts.append(#"<span class="watch" title="\#(HTMLEscaping.escape(finding.message))">\#(label)</span>"#)
        }
        return parts.isEmpty ? "—" : parts.joined(separator: " ")
    }
}
