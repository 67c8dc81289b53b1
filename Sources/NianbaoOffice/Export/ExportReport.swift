import NianbaoEngine

/// One report of the year, as the export sees it: from its status record.
public struct ExportReport: Sendable, Hashable, Codable {
    /// The agency (roster name, or the name the report gives).
    public var agency: String
    /// "drop/relative/path".
    public var file: String
    /// The verdict.
    public var verdict: Verdict
    /// The codes of its findings (`RuleCode` raw values; unknown codes are ignored).
    public var codes: [String]
    /// Its parsed tables, when it has any.
    public var tables: TablesRecord?

    /// A report from its status record's values.
    public init(agency: String, file: String, verdict: Verdict, codes: [String], tables: TablesRecord?) {
        self.agency = agency
        self.file = file
        self.verdict = verdict
        self.codes = codes
        self.tables = tables
    }
}
