/// Which template a report's tables look like, judged table by table, and
/// which template its year calls for.
struct TemplateShape {
    private let report: Report
    /// The template 表二 follows: one 其他处理 row is 2019, three rows are 2021.
    let table2: Template?
    /// The report year.
    let year: Int?

    init(_ report: Report) {
        self.report = report
        table2 = report.table2.flatMap { TemplateShape.shape(of: $0, parsed: report.template) }
        year = report.year
    }

    /// The template 表一 follows, if it can be told (2019: 新制作/上一年项目数量 columns or a 第（九）项 block; 2021: 制发/废止 columns).
    var table1: Template? { report.table1.flatMap(TemplateShape.shape(of:)) }

    /// Whether the report must follow the 2021 template: report year 2021 or later,
    /// or, with no year, tables in the 2021 form.
    var requires2021: Bool {
        if let year { return year >= 2021 }
        return table2 == .t2021 || (table2 == nil && table1 == .t2021)
    }

    /// The row set 表二 should have, given its own shape (2021 unless it has one 其他处理 row).
    var table2Rows: [Table2Row] { table2 == .t2019 ? TemplateShape.rows2019 : TemplateShape.rows2021 }

    private static let rows2019 = Table2Row.rows(for: .t2019)
    private static let rows2021 = Table2Row.rows(for: .t2021)
    private static let resultRows2019 = Table2Row.resultRows(for: .t2019)
    private static let resultRows2021 = Table2Row.resultRows(for: .t2021)

    /// `Table2Row.resultRows(for:)`, built once.
    static func resultRows(for template: Template) -> [Table2Row] {
        template == .t2019 ? resultRows2019 : resultRows2021
    }

    static func shape(of table: Table2, parsed: Template?) -> Template? {
        if table.hasSingleOtherRow { return .t2019 }
        let threeRows: [Table2Row] = [.otherOverdueCorrection, .otherUnpaidFee, .otherOther]
        if threeRows.contains(where: { table.rows[$0] != nil }) { return .t2021 }
        return parsed
    }

    /// 表一's template, as the parser decides it (one definition for both).
    static func shape(of table: Table1) -> Template? {
        TemplateDecider.shape(of: table)
    }
}
