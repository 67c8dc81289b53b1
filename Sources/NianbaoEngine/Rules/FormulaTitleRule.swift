/// `title.formula_like` (warning): a title or agency name that begins like a
/// spreadsheet formula (=, +, -, @, or their full-width forms). Such a name reaches
/// the office's 汇总 spreadsheet; the CSV export neutralises it, but a report whose
/// title starts with "=cmd|…" is an attack or a broken document either way.
struct FormulaTitleRule: Rule {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "＝", "＋", "－", "＠"]

    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        for text in [report.title, report.agency].compactMap({ $0 }) {
            let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
            guard let first = trimmed.first, Self.formulaStarts.contains(first) else { continue }
            let shown = trimmed.count > 40 ? trimmed.prefix(40) + "…" : trimmed
            return [Finding(.titleFormulaLike,
                            "标题“\(shown)”以“\(first)”开头，在电子表格中会被当作公式；请改为“机关全称+年度+政府信息公开工作年度报告”",
                            at: RuleSupport.location(report.titleLine, in: document))]
        }
        return []
    }
}
