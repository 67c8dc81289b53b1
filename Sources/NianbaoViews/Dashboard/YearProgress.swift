import NianbaoEngine

/// One reporting year's progress against its deadlines, level by level.
public struct YearProgress: Sendable, Hashable {
    /// The report year (the statistical year), e.g. 2023; reports are due in the following year.
    public var year: Int
    /// Whether a roster of expected agencies is configured: then `missing` counts
    /// the agencies on it that have not reported; without one only arrivals are known.
    public var hasRoster: Bool
    /// One entry per level that has agencies (in the order given).
    public var levels: [LevelProgress]

    public init(year: Int, hasRoster: Bool, levels: [LevelProgress]) {
        self.year = year
        self.hasRoster = hasRoster
        self.levels = levels
    }

    /// Reports received, all levels.
    public var submitted: Int { levels.reduce(0) { $0 + $1.submitted } }
    /// Received reports that fail or could not be read, all levels.
    public var failing: Int { levels.reduce(0) { $0 + $1.failing } }
    /// Agencies on the roster without a report, all levels (0 without a roster).
    public var missing: Int { hasRoster ? levels.reduce(0) { $0 + $1.missing } : 0 }
}

/// One level's counts for a year.
public struct LevelProgress: Sendable, Hashable {
    /// The level these counts are for.
    public var level: DisplayLevel
    /// The level's deadline for this year (`DisplayLevel.deadline(reportYear:)` unless configured otherwise).
    public var deadline: CivilDate
    /// Reports received (whatever their verdict).
    public var submitted: Int
    /// Of those, reports that fail or could not be read (they must be redone).
    public var failing: Int
    /// Agencies on the roster that have not reported; ignored without a roster.
    public var missing: Int

    public init(level: DisplayLevel, deadline: CivilDate, submitted: Int, failing: Int, missing: Int = 0) {
        self.level = level
        self.deadline = deadline
        self.submitted = submitted
        self.failing = failing
        self.missing = missing
    }

    /// Agencies expected to report (submitted + missing), with a roster.
    public var expected: Int { submitted + missing }
}
