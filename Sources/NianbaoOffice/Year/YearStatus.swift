import NianbaoEngine

/// The office's view of one reporting year: who was expected, who submitted, who is
/// missing, failing or late, and which reports fit no roster entry.
///
/// JSON: `year`, `expected`, `submitted` (numbers); `missing`, `failing`, `late`
/// (agency names); `unmatched` (report files, "drop/relative/path"); `agencies`
/// (one `AgencyYearState` each); `unmatched_reports` (why each file is unmatched);
/// `today`; `roster` (whether a roster was used).
public struct YearStatus: Sendable, Hashable, Codable {
    /// The report (statistical) year.
    public var year: Int
    /// The date the status was computed for.
    public var today: CivilDate
    /// Whether a roster defined the expected agencies (else: expected = what arrived).
    public var hasRoster: Bool
    /// One line per expected agency: roster order, or by name without a roster.
    public var agencies: [AgencyYearState]
    /// Reports of the year (and reports without a year) not put against exactly one agency.
    public var unmatchedReports: [UnmatchedReport]

    /// A status from its parts (see `compute`).
    public init(year: Int, today: CivilDate, hasRoster: Bool, agencies: [AgencyYearState], unmatchedReports: [UnmatchedReport]) {
        self.year = year
        self.today = today
        self.hasRoster = hasRoster
        self.agencies = agencies
        self.unmatchedReports = unmatchedReports
    }

    /// Agencies expected to report.
    public var expected: Int { agencies.count }
    /// Agencies with a report of the year (whatever its verdict).
    public var submitted: Int { agencies.count { $0.state != .missing } }
    /// Agencies with no report of the year.
    public var missing: [String] { agencies.filter { $0.state == .missing }.map(\.name) }
    /// Agencies whose counted report fails.
    public var failing: [String] { agencies.filter { $0.state == .fail }.map(\.name) }
    /// Agencies whose counted report arrived after their deadline.
    public var late: [String] { agencies.filter(\.late).map(\.name) }
    /// Files of `unmatchedReports`.
    public var unmatched: [String] { unmatchedReports.map(\.file) }

    enum CodingKeys: String, CodingKey {
        case year, expected, submitted, missing, failing, late, unmatched, agencies
        case unmatchedReports = "unmatched_reports", today, hasRoster = "roster"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(expected, forKey: .expected)
        try c.encode(submitted, forKey: .submitted)
        try c.encode(missing, forKey: .missing)
        try c.encode(failing, forKey: .failing)
        try c.encode(late, forKey: .late)
        try c.encode(unmatched, forKey: .unmatched)
        try c.encode(agencies, forKey: .agencies)
        try c.encode(unmatchedReports, forKey: .unmatchedReports)
        try c.encode(today.iso, forKey: .today)
        try c.encode(hasRoster, forKey: .hasRoster)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        year = try c.decode(Int.self, forKey: .year)
        let todayText = try c.decode(String.self, forKey: .today)
        guard let today = CivilDate(iso: todayText) else {
            throw DecodingError.dataCorruptedError(forKey: .today, in: c, debugDescription: "not a YYYY-MM-DD date: \(todayText)")
        }
        self.today = today
        hasRoster = try c.decode(Bool.self, forKey: .hasRoster)
        agencies = try c.decode([AgencyYearState].self, forKey: .agencies)
        unmatchedReports = try c.decode([UnmatchedReport].self, forKey: .unmatchedReports)
    }
}
