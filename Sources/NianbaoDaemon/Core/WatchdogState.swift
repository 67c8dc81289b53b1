/// The watchdog's judgement: WATCHDOG=1 means the loop runs and no worker is wedged.
///
/// Invariants: a tick pings unless an in-process job has run for the watchdog
/// interval or longer (a job in a child process is bounded by the child's own
/// timeout and does not count); a wedge is reported once, on the first tick
/// that withholds the ping, and again only after the pings resumed.
struct WatchdogState: Sendable, Equatable {
    /// What a tick does.
    enum Action: Sendable, Equatable {
        case ping
        /// No ping; `report`: the wedge is new and is to be reported.
        case withhold(report: Bool)
    }

    /// Every how long a tick comes (``ServiceNotifier/watchdogInterval``); nil: no watchdog.
    let interval: Duration?
    private(set) var wedgeReported = false

    init(interval: Duration?) { self.interval = interval }

    /// A tick at `now`; `oldestJob`: when the longest-running in-process job started.
    mutating func tick(now: Moment, oldestJob: Moment?) -> Action {
        if let interval, let start = oldestJob, now - start >= interval {
            defer { wedgeReported = true }
            return .withhold(report: !wedgeReported)
        }
        wedgeReported = false
        return .ping
    }
}
