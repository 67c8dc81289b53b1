import Foundation

/// Everything the dashboard page shows, as plain values. The daemon builds it
/// from its state; `DashboardPage.render` turns it into HTML.
public struct DashboardModel: Sendable, Hashable {
    /// When the model was built; printed on the page and the "today" for deadline countdowns.
    public var generatedAt: Date
    /// The zone times and dates are shown in.
    public var clock: DisplayClock
    /// Progress per reporting year, most recent first (shown in the order given).
    public var years: [YearProgress]
    /// Current reports by verdict.
    public var verdicts: VerdictDistribution
    /// One row per agency (or per report when the agency is unknown), in the order given.
    public var agencies: [AgencyRow]
    /// Recent problems the daemon met (unreadable files, refused formats), newest first.
    public var problems: [DaemonProblem]
    /// How each drop folder is watched, in the order given; empty: the section is left out.
    public var watching: [DropWatchLine] = []

    public init(
        generatedAt: Date, clock: DisplayClock = .chinaStandardTime, years: [YearProgress],
        verdicts: VerdictDistribution, agencies: [AgencyRow], problems: [DaemonProblem]
    ) {
        self.generatedAt = generatedAt
        self.clock = clock
        self.years = years
        self.verdicts = verdicts
        self.agencies = agencies
        self.problems = problems
    }
}
