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
    /// When its content first arrived (the verdict record's `arrival`, or its `time`).
    public var arrival: Arrival
    /// Where its arrival stands in the daemon's journal (the record's `arrival_seq`):
    /// which of an agency's uploads is the latest, whatever the wall clock said; nil
    /// for records written before sequence numbers.
    public var order: Int?
    /// 发布日期 as stated in the report, if any.
    public var published: CivilDate?
    /// The site (host) whose status directory holds the report, when several are combined.
    public var site: String?

    /// A report from its verdict record's values.
    public init(agency: String?, year: Int?, verdict: Verdict, drop: String, file: String, arrival: Arrival, published: CivilDate? = nil,
                order: Int? = nil, site: String? = nil) {
        self.order = order
        self.site = site
        self.agency = agency
        self.year = year
        self.verdict = verdict
        self.drop = drop
        self.file = file
        self.arrival = arrival
        self.published = published
    }

    /// "drop/relative/path" — "site:drop/relative/path" when it has a site: how the report is named in lists.
    public var path: String {
        let local = drop.isEmpty ? file : "\(drop)/\(file)"
        return site.map { "\($0):\(local)" } ?? local
    }
}
