/// `title.incomplete`: the title must name the full agency and the year
/// ("…局2021年政府信息公开工作年度报告"). "市商务局2021年…" omits the city.
struct TitleRule: Rule {
    /// Words that begin a name without a place: "市商务局", "县人民政府", "本局".
    private static let placeless: [Character] = ["市", "县", "区", "省", "州", "乡", "镇", "本", "我"]
    private static let reportWords = ["政府信息公开工作年度报告", "政府信息公开年度报告", "政府信息公开工作年报", "政府信息公开年报", "政府信息公开"]

    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        let at = RuleSupport.location(report.titleLine, in: document)
        guard let title = report.title?.filter({ !$0.isWhitespace }), !title.isEmpty else {
            return [Finding(.titleIncomplete, "未找到报告标题：应为“机关全称+年度+政府信息公开工作年度报告”")]
        }
        guard YearReading.firstYear(in: title) != nil else {
            return [Finding(.titleIncomplete, "标题“\(title)”未写明年度", at: at)]
        }
        var agency = TitleRule.agencyPart(of: title)
        if agency.isEmpty, let line = report.titleLine, line > 0, line - 1 < document.lines.count {
            let previous = document.lines[line - 1].text.filter { !$0.isWhitespace }
            if previous.count <= 40, !previous.contains(where: \.isNumber) { agency = previous }
        }
        guard let first = agency.first else {
            return [Finding(.titleIncomplete, "标题“\(title)”未写明机关名称", at: at)]
        }
        guard !TitleRule.placeless.contains(first) else {
            let full = report.agency.map { "（正文为“\($0)”）" } ?? ""
            return [Finding(.titleIncomplete, "标题“\(title)”未写明机关全称：“\(agency)”缺少地名\(full)", at: at)]
        }
        return []
    }

    /// The title with its year ("2021年", "2021年度") and report words removed.
    static func agencyPart(of title: String) -> String {
        var text = title
        for word in reportWords {
            if let range = text.firstRange(of: word) { text.removeSubrange(range); break }
        }
        if let year = YearReading.firstYear(in: text) {
            for form in ["\(year)年度", "\(year)年"] {
                if let range = text.firstRange(of: form) { text.removeSubrange(range); break }
            }
        }
        return text
    }
}
