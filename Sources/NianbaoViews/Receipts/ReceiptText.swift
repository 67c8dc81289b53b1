/// The plain-text receipt (`<name>.结果.txt`) for the clerk who uploaded a report:
/// the verdict in words, then what to fix, errors first, numbered, each with its
/// place in the document; then which file and version was checked.
public enum ReceiptText {
    /// The receipt's text (UTF-8, LF line ends, ends with a newline).
    public static func render(_ receipt: Receipt) -> String {
        let all = FindingLine.bySeverity(receipt.findings)
        let findings = all.filter(\.counts)
        let settled = all.filter { !$0.counts }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        var lines: [String] = []
        lines.append("政府信息公开工作年度报告 检查结果")
        lines.append("")
        lines.append("结论：\(receipt.outcome.chinese)")
        lines.append(advice(receipt.outcome, errors: errors, warnings: warnings))
        if receipt.agency != nil || receipt.year != nil {
            let agency = receipt.agency.map(clean) ?? "未能识别"
            let year = receipt.year.map { "\($0) 年度" } ?? "未能识别"
            lines.append("报告机关：\(agency)　报告年度：\(year)")
        }
        if !findings.isEmpty {
            lines.append("")
            lines.append("需要修改的地方（共 \(findings.count) 处，先改“错误”）：")
            for (index, finding) in findings.enumerated() {
                let place = finding.location.map { "【\(clean($0))】" } ?? "【全文】"
                lines.append("\(index + 1). \(finding.severity.chinese) \(place)\(clean(finding.message))")
                lines.append("   规则：\(clean(finding.code))")
            }
        }
        if !settled.isEmpty {
            lines.append("")
            lines.append("已核实、不计入结论的问题（共 \(settled.count) 处）：")
            for (index, finding) in settled.enumerated() {
                let place = finding.location.map { "【\(clean($0))】" } ?? "【全文】"
                lines.append("\(index + 1). 已核实 \(place)\(clean(finding.message))")
                lines.append("   规则：\(clean(finding.code))　理由：\(clean(finding.settled ?? ""))")
            }
        }
        lines.append("")
        lines.append("——")
        lines.append("文件：\(clean(receipt.file))")
        lines.append("文件指纹（SHA-256 前 16 位）：\(String(receipt.sha256.prefix(16)))")
        lines.append("检查时间：\(receipt.clock.second(receipt.checkedAt))（\(DashboardPage.zoneName(receipt.clock))）")
        lines.append("修改后重新上传同名文件即可，本结果会随之更新。")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func advice(_ outcome: Receipt.Outcome, errors: Int, warnings: Int) -> String {
        switch outcome {
        case .pass: return "报告符合年度报告格式和勾稽关系要求，无需修改。"
        case .warn: return "报告可以发布，但有 \(warnings) 处建议修改。"
        case .fail: return "报告有 \(errors) 处错误，请修改后重新上传。"
        case .unreadable: return "文件无法读取，请确认文件完好，或另存为 .docx 或 PDF 后重新上传。"
        }
    }

    /// One line of text: line breaks and other control characters become spaces,
    /// so a message or file name cannot forge extra receipt lines.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0
        }))
    }
}
