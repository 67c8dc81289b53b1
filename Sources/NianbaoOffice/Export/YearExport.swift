import NianbaoEngine

/// The 汇总 of a reporting year: tables 1–3 summed over the reports without table errors,
/// what was included and excluded (and why), and one row per report with its figures.
///
/// JSON (`json()`): `year`, `included` (agency names), `excluded` (`agency`, `file`, `why`),
/// `tables` (a `TablesRecord` of the sums), `agencies` (`agency`, `file`, `verdict`,
/// `included`, `tables`). CSV: `csv()`.
///
/// Pass one report per agency (the one that counts, see `YearStatus`): the export sums
/// what it is given.
public struct YearExport: Sendable, Hashable, Codable {
    /// A report left out of the sums.
    public struct Exclusion: Sendable, Hashable, Codable {
        /// The agency.
        public var agency: String
        /// "drop/relative/path".
        public var file: String
        /// Chinese: "表格有错误：表二勾稽关系不符（table2.balance）" or "未读出表格数据".
        public var why: String
    }

    /// One report's figures.
    public struct AgencyRow: Sendable, Hashable, Codable {
        /// The agency.
        public var agency: String
        /// "drop/relative/path".
        public var file: String
        /// The report's verdict.
        public var verdict: Verdict
        /// Whether its tables are in the sums.
        public var included: Bool
        /// Its tables, if any.
        public var tables: TablesRecord?
    }

    /// The report year.
    public var year: Int
    /// Agencies whose tables are summed, in input order.
    public var included: [String]
    /// Reports left out, with why.
    public var excluded: [Exclusion]
    /// The sums (all tables null when nothing is included).
    public var tables: TablesRecord
    /// Every report given, in input order.
    public var agencies: [AgencyRow]

    /// Sums the included reports, in the order given.
    public init(year: Int, reports: [ExportReport]) {
        self.year = year
        var included: [String] = []
        var excluded: [Exclusion] = []
        var sum: TablesRecord?
        var agencies: [AgencyRow] = []
        for report in reports {
            if let why = Self.exclusionReason(report) {
                excluded.append(Exclusion(agency: report.agency, file: report.file, why: why))
                agencies.append(AgencyRow(agency: report.agency, file: report.file, verdict: report.verdict, included: false, tables: report.tables))
                continue
            }
            included.append(report.agency)
            agencies.append(AgencyRow(agency: report.agency, file: report.file, verdict: report.verdict, included: true, tables: report.tables))
            if let tables = report.tables { sum = sum.map { $0 + tables } ?? tables }
        }
        self.included = included
        self.excluded = excluded
        self.tables = sum ?? TablesRecord()
        self.agencies = agencies
    }

    /// Why a report is left out, or nil when it is summed.
    public static func exclusionReason(_ report: ExportReport) -> String? {
        let errors = TableErrorCodes.among(report.codes)
        if !errors.isEmpty {
            return "表格有错误：" + errors.map { "\(TableErrorCodes.chineseName($0))（\($0.rawValue)）" }.joined(separator: "、")
        }
        guard let tables = report.tables else { return "未读出表格数据" }
        let absent = [("表一", tables.table1 == nil), ("表二", tables.table2 == nil), ("表三", tables.table3 == nil)]
            .filter(\.1).map(\.0)
        if !absent.isEmpty { return "缺少" + absent.joined(separator: "、") }
        return nil
    }
}
