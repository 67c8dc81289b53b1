import NianbaoEngine


extension YearStatus {
    /// The first line: "2024 年度：应报 40 · 已报 36 · 未报 4 · 不合格 2".
    public var headline: String {
        "\(year) 年度：应报 \(expected) · 已报 \(submitted) · 未报 \(missing.count) · 不合格 \(failing.count)"
    }

    /// The Chinese text `nianbao status --year` prints: the headline, then the missing and
    /// failing agencies with 剩 N 天 / 逾期 N 天, the late ones, and unmatched reports.
    ///
    /// ```
    /// 2024 年度：应报 40 · 已报 36 · 未报 4 · 不合格 2
    /// 未报（4）：
    ///   淮安市洪泽区人民政府  截止 2025-02-20  剩 3 天
    /// 不合格（2）：
    ///   淮安市洪泽区商务局  drop/shangwu.pdf  截止 2025-01-31  逾期 17 天
    /// 迟报（1）：
    ///   淮安市洪泽区教育局  drop/jiaoyu.docx  到达 2025-02-03，截止 2025-01-31，晚 3 天
    /// 无法对应名单（1）：
    ///   drop/x.txt  “市商务局”对应多家：洛阳市商务局、淮安市商务局
    /// ```
    public var text: String {
        var lines = [headline]
        let missingLines = agencies.filter { $0.state == .missing }
        if !missingLines.isEmpty {
            lines.append("未报（\(missingLines.count)）：")
            lines += missingLines.map { "  \(Self.field($0.name))\(Self.due($0))" }
        }
        let failingLines = agencies.filter { $0.state == .fail }
        if !failingLines.isEmpty {
            lines.append("不合格（\(failingLines.count)）：")
            lines += failingLines.map { "  \(Self.field($0.name))  \(Self.field($0.file ?? ""))\(Self.due($0))" }
        }
        let lateLines = agencies.filter(\.late)
        if !lateLines.isEmpty {
            lines.append("迟报（\(lateLines.count)）：")
            lines += lateLines.map { line in
                "  \(Self.field(line.name))  \(Self.field(line.file ?? ""))  到达 \(line.arrivedOn?.iso ?? "?")，截止 \(line.deadline?.iso ?? "?")，晚 \(line.daysLate ?? 0) 天"
            }
        }
        if !unmatchedReports.isEmpty {
            lines.append("无法对应名单（\(unmatchedReports.count)）：")
            lines += unmatchedReports.map { "  \(Self.field($0.file))  \(Self.field($0.explanation))" }
        }
        return lines.joined(separator: "\n")
    }

    /// A name or path on one line, safe on a terminal (``TerminalText/escape(_:)``):
    /// a crafted name can neither start a line of its own nor repaint the screen.
    static func field(_ text: String) -> String {
        TerminalText.escape(text)
    }

    private static func due(_ line: AgencyYearState) -> String {
        guard let deadline = line.deadline else { return "  截止日期未知" }
        if let left = line.daysLeft { return "  截止 \(deadline.iso)  剩 \(left) 天" }
        if let overdue = line.daysOverdue { return "  截止 \(deadline.iso)  逾期 \(overdue) 天" }
        return "  截止 \(deadline.iso)"
    }
}
