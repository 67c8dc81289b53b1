import NianbaoEngine
import NianbaoOffice

/// Formats verdicts for people: one line per report, then its findings. Names
/// and document text are escaped (`TerminalText`) so they cannot forge output.
public struct HumanFormatter: Sendable {
    /// Whether to use ANSI colours (only when writing to a terminal).
    public var colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    /// "FAIL  聊城市商务和投资促进局  2021  drop/report.txt".
    public func headline(_ record: VerdictRecord, path: String? = nil) -> String {
        let label: String
        switch record.verdict {
        case .pass: label = paint("PASS", "32")
        case .warn: label = paint("WARN", "33")
        case .fail: label = paint("FAIL", "31")
        }
        let agency = TerminalText.escape(record.agency ?? "（未识别机关）")
        let year = record.year.map(String.init) ?? "----"
        return "\(label)  \(agency)  \(year)  \(TerminalText.escape(path ?? record.path))"
    }

    /// One indented line per finding: severity, code, message, location; a settled
    /// finding in grey, with 已核实 and the reason.
    public func findingLines(_ record: VerdictRecord) -> [String] {
        record.findings.map { finding in
            let severity: String
            switch (finding.severity, finding.settled) {
            case ("error", .some): severity = paint("error  ", "90")
            case ("warning", .some): severity = paint("warning", "90")
            case (_, .some): severity = paint("info   ", "90")
            case ("error", nil): severity = paint("error  ", "31")
            case ("warning", nil): severity = paint("warning", "33")
            default: severity = paint("info   ", "36")
            }
            let location = finding.location.map { "（\(TerminalText.escape($0))）" } ?? ""
            let settled = finding.settled.map { "  [已核实：\(TerminalText.escape($0.reason))]" } ?? ""
            return "      \(severity) \(TerminalText.escape(finding.code))  \(TerminalText.escape(finding.message))\(location)\(settled)"
        }
    }

    /// Headline and findings.
    public func block(_ record: VerdictRecord, path: String? = nil) -> String {
        ([headline(record, path: path)] + findingLines(record)).joined(separator: "\n")
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
