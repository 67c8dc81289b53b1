/// Every check the engine applies, with a stable code, a severity and an explanation.
///
/// Codes are part of the public interface (JSON output, journal fields,
/// `nianbao explain`): never rename one; add new ones instead.
public enum RuleCode: String, Sendable, Hashable, Codable, CaseIterable {
    // MARK: errors — the input
    case inputUnreadable = "input.unreadable"
    case inputUnsupported = "input.unsupported_format"
    case inputTooLarge = "input.too_large"
    case converterMissing = "input.converter_missing"
    case inputTimeout = "input.timeout"
    case parserCrashed = "input.parser_crashed"
    case checkCrashed = "input.check_crashed"
    case notAReport = "report.not_annual_report"
    case yearMissing = "report.year_missing"
    // MARK: errors — structure
    case sectionMissing = "section.missing"
    case tableMissing = "table.missing"
    case tableUnreadable = "table.unreadable"
    case rowMissing = "table.row_missing"
    case cellMissing = "table.cell_missing"
    case cellNotNumber = "table.cell_not_number"
    /// A warning since issue 21 (one finding per table); kept here so the code order is stable.
    case cellBlank = "table.cell_blank"
    case negativeCount = "table.negative_count"
    case templateOutdated = "template.outdated"
    // MARK: errors — arithmetic (勾稽关系)
    case table2RowSum = "table2.row_sum"
    case table2ResultTotal = "table2.result_total"
    case table2Balance = "table2.balance"
    case table3GroupTotal = "table3.group_total"
    // MARK: warnings
    case narrativeReceived = "narrative.received"
    case narrativeDisclosed = "narrative.disclosed"
    case narrativeCarriedForward = "narrative.carried_forward"
    case narrativeNoApplications = "narrative.no_applications"
    case narrativeReviewLitigation = "narrative.review_litigation"
    case narrativeNoReview = "narrative.no_review_litigation"
    case feeStatementMissing = "section6.fee_statement_missing"
    case publishedLate = "date.published_late"
    case yearsDisagree = "date.years_disagree"
    case titleIncomplete = "title.incomplete"
    case templateMixed = "template.mixed"
    case overviewTooLong = "section1.too_long"
    case problemsGeneric = "section5.generic"
    case titleFormulaLike = "title.formula_like"
    // MARK: warnings — against the same agency's report of the year before
    case crossYearCarryOver = "cross_year.carry_over"
    case crossYearRepeatedText = "cross_year.repeated_text"
    case crossYearInForce = "cross_year.in_force"
    // MARK: info
    case signatureDateMissing = "date.signature_missing"
    case extraColumnsIgnored = "table.extra_columns_ignored"
    case textRepaired = "text.repaired"
    case anomalyCorrectionRate = "anomaly.correction_rate"
    case anomalyApplicationsJump = "anomaly.applications_jump"
    case pdfBorderlessTable = "pdf.borderless_table"
    case ocrUncertain = "ocr.uncertain"

    /// The severity every finding of this rule carries.
    public var severity: Severity {
        switch self {
        case .inputUnreadable, .inputUnsupported, .inputTooLarge, .converterMissing, .inputTimeout, .parserCrashed, .checkCrashed, .notAReport, .yearMissing,
             .sectionMissing, .tableMissing, .tableUnreadable, .rowMissing, .cellMissing,
             .cellNotNumber, .negativeCount, .templateOutdated,
             .table2RowSum, .table2ResultTotal, .table2Balance, .table3GroupTotal:
            return .error
        case .narrativeReceived, .narrativeDisclosed, .narrativeCarriedForward, .narrativeNoApplications,
             .narrativeReviewLitigation, .narrativeNoReview, .feeStatementMissing, .publishedLate,
             .yearsDisagree, .titleIncomplete, .templateMixed, .overviewTooLong,
             .crossYearCarryOver, .crossYearRepeatedText, .cellBlank, .crossYearInForce, .problemsGeneric,
             .titleFormulaLike, .ocrUncertain:
            return .warning
        case .signatureDateMissing, .extraColumnsIgnored, .textRepaired, .anomalyCorrectionRate, .anomalyApplicationsJump,
             .pdfBorderlessTable:
            return .info
        }
    }
}
