/// One family of checks over a parsed report.
public protocol Rule: Sendable {
    /// Returns the findings this rule raises for `report`. Must not crash on any report.
    func check(_ report: Report, _ document: SourceDocument) -> [Finding]
}

/// The rules the engine applies, in the order their findings are reported.
///
/// `AnnualReportRule` runs first; the rest run only on a text recognised as an
/// annual report, so an unrelated text gets one finding, not dozens.
enum RuleSet {
    static let all: [any Rule] = [
        AnnualReportRule(),
        Gated([
            YearRule(),
            TitleRule(),
            FormulaTitleRule(),
            SectionsRule(),
            TablesPresentRule(),
            TemplateRule(),
            Table1CellsRule(),
            Table2CellsRule(),
            Table2ArithmeticRule(),
            Table3Rule(),
            NarrativeRule(),
            ProblemsSectionRule(),
            FeeStatementRule(),
            OverviewLengthRule(),
            YearsAgreeRule(),
            DeadlineRule(),
            SignatureDateRule(),
            CorrectionRateRule(),
        ]),
    ]
}
