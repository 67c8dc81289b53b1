import NianbaoEngine

/// Where an expected agency stands in a reporting year.
public enum SubmissionState: String, Sendable, Hashable, Codable, CaseIterable {
    /// No report of the year has arrived.
    case missing
    /// The counted report's verdict.
    case pass, warn, fail
}

/// One agency's line of the year: its state, the report that counts, and its deadline.
public struct AgencyYearState: Sendable, Hashable, Codable {
    /// The roster name (without a roster: the name the latest report gives).
    public var name: String
    /// The deadline class, when known (without a roster: read from the name, may be nil).
    public var level: AgencyLevel?
    /// The deadline for this year's report, when the level is known.
    public var deadline: CivilDate?
    /// Missing, or the counted report's verdict.
    public var state: SubmissionState
    /// The counted report, "drop/relative/path" ("site:drop/relative/path" when several
    /// sites are combined; nil when missing).
    public var file: String?
    /// The site (host) the counted report came from, when several sites are combined.
    public var site: String?
    /// The agency name as the counted report writes it.
    public var reportAgency: String?
    /// When the counted report arrived.
    public var arrival: Arrival?
    /// The calendar date of the arrival at the office's UTC offset (the date compared with the deadline).
    public var arrivedOn: CivilDate?
    /// Whether the counted report arrived after the deadline (calendar date at the office's offset).
    public var late: Bool
    /// Days between the deadline and a late arrival.
    public var daysLate: Int?
    /// For a missing or failing agency: days until the deadline (0 on the day itself).
    public var daysLeft: Int?
    /// For a missing or failing agency: days since the deadline passed.
    public var daysOverdue: Int?
    /// Earlier reports of the same agency and year, superseded by the counted one (latest first).
    public var earlierFiles: [String]

    /// A line from its parts.
    public init(
        name: String, level: AgencyLevel?, deadline: CivilDate?, state: SubmissionState, file: String? = nil,
        reportAgency: String? = nil, arrival: Arrival? = nil, arrivedOn: CivilDate? = nil, late: Bool = false, daysLate: Int? = nil,
        daysLeft: Int? = nil, daysOverdue: Int? = nil, earlierFiles: [String] = [], site: String? = nil
    ) {
        self.name = name
        self.level = level
        self.deadline = deadline
        self.state = state
        self.file = file
        self.reportAgency = reportAgency
        self.arrival = arrival
        self.arrivedOn = arrivedOn
        self.late = late
        self.daysLate = daysLate
        self.daysLeft = daysLeft
        self.daysOverdue = daysOverdue
        self.earlierFiles = earlierFiles
        self.site = site
    }

    enum CodingKeys: String, CodingKey {
        case name, level, deadline, state, file, reportAgency = "report_agency", arrival, arrivedOn = "arrived_on", late
        case daysLate = "days_late", daysLeft = "days_left", daysOverdue = "days_overdue", earlierFiles = "earlier_files", site
    }

    /// Every key is written, absent values as null, so the JSON shape never changes.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(level, forKey: .level)
        try c.encode(deadline?.iso, forKey: .deadline)
        try c.encode(state, forKey: .state)
        try c.encode(file, forKey: .file)
        try c.encode(reportAgency, forKey: .reportAgency)
        try c.encode(arrival, forKey: .arrival)
        try c.encode(arrivedOn?.iso, forKey: .arrivedOn)
        try c.encode(late, forKey: .late)
        try c.encode(daysLate, forKey: .daysLate)
        try c.encode(daysLeft, forKey: .daysLeft)
        try c.encode(daysOverdue, forKey: .daysOverdue)
        try c.encode(earlierFiles, forKey: .earlierFiles)
        try c.encode(site, forKey: .site)
    }

    /// Reads the JSON form (dates as "YYYY-MM-DD").
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        level = try c.decodeIfPresent(AgencyLevel.self, forKey: .level)
        deadline = try c.decodeIfPresent(String.self, forKey: .deadline).flatMap(CivilDate.init(iso:))
        state = try c.decode(SubmissionState.self, forKey: .state)
        file = try c.decodeIfPresent(String.self, forKey: .file)
        reportAgency = try c.decodeIfPresent(String.self, forKey: .reportAgency)
        arrival = try c.decodeIfPresent(Arrival.self, forKey: .arrival)
        arrivedOn = try c.decodeIfPresent(String.self, forKey: .arrivedOn).flatMap(CivilDate.init(iso:))
        late = try c.decode(Bool.self, forKey: .late)
        daysLate = try c.decodeIfPresent(Int.self, forKey: .daysLate)
        daysLeft = try c.decodeIfPresent(Int.self, forKey: .daysLeft)
        daysOverdue = try c.decodeIfPresent(Int.self, forKey: .daysOverdue)
        earlierFiles = try c.decodeIfPresent([String].self, forKey: .earlierFiles) ?? []
        site = try c.decodeIfPresent(String.self, forKey: .site)
    }
}

extension CivilDate {
    /// Reads "YYYY-MM-DD"; nil for anything else or an impossible date.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
        guard isValid else { return nil }
    }
}
