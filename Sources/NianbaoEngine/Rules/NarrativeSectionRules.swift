/// `section6.fee_statement_missing`: under the 2021 template, section 六 must report
/// the 信息处理费 charged; "无。" alone omits it.
struct FeeStatementRule: Rule {
    private static let keywords = ["处理费", "收费", "费用", "收取"]

    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard TemplateShape(report).requires2021, let section = report.section(.otherMatters) else { return [] }
        guard !FeeStatementRule.keywords.contains(where: section.text.contains) else { return [] }
        return [Finding(.feeStatementMissing, "第六部分未报告收取信息处理费的情况（2021 年格式要求“收取信息处理费情况在此处报告”）",
                        at: RuleSupport.location(section.headingLine, in: document))]
    }
}

/// `section1.too_long`: under the 2021 template, 总体情况 "篇幅原则上不超过一千字".
/// Counts Han characters, letters and digits; not whitespace or punctuation.
struct OverviewLengthRule: Rule {
    static let limit = 1000

    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard TemplateShape(report).requires2021, let section = report.section(.overview) else { return [] }
        let count = OverviewLengthRule.characterCount(section.text)
        guard count > OverviewLengthRule.limit else { return [] }
        return [Finding(.overviewTooLong, "第一部分“总体情况”约 \(count) 字，应不超过 \(OverviewLengthRule.limit) 字",
                        at: RuleSupport.location(section.headingLine, in: document))]
    }

    /// The number of Han characters, letters and digits in `text`.
    static func characterCount(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil { count += 1 }
        }
        return count
    }
}
