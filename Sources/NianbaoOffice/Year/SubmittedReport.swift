import NianbaoEngine

/// A judged report as the year's bookkeeping sees it: plain values from its verdict record.
public struct SubmittedReport: Sendable, Hashable, Codable {
    /// The agency the report names (title or signature), if read.
    public var agency: String?
    /// The report year, if read.
    public var year: Int?
    /// The verdict.
    public var verdict: Verdict
    /// The drop folder's name.
    public var drop: String
    /// The file's path relative to its drop folder.
    public var file: String
    /// When it arrived (the verdict record's time).
    public var arrival: Arrival
    /// 发布日期 as stated in the report, if any.
    public var published: CivilDate?

    /// A report from its verdict record's values.
    public init(agency: String?, year: Int?, verdict: Verdict, drop: String, file: String, arrival: Arrival, published: CivilDate? = nil) {
        self.agency = agency
        self.year = year
        self.verdict = verdict
        self.drop = drop
        self.file = file
        self.arrival = arrival
        self.published = published
    }

    /// "drop/relative/path": how the report is named in lists.
    public var path: String { drop.isEmpty ? file : "\(drop)/\(file)" }
}
