/// When the derived outputs (year summaries, dashboard page, metrics file) are written.
///
/// Invariants: at most one write is in flight; nothing is written while the
/// outputs are clean; two writes start at least `max(1 s, 4 × the last write's
/// duration)` apart — at least ``backlogInterval`` while reports wait to be judged,
/// so rendering a half-judged backlog again and again never takes the cores the
/// backlog needs; of the wake-ups asked for, only the earliest pending one counts
/// (a later one, set during a backlog, is superseded when the backlog ends).
struct OutputSchedule: Sendable, Equatable {
    /// Shortest time between two writes while no backlog exists.
    static let interval = Duration.seconds(1)

    /// What to do about the outputs now.
    enum Decision: Sendable, Equatable {
        /// Start a write now.
        case write
        /// Ask for a wake-up (``DaemonTimer/outputs``) at this moment.
        case wake(at: Moment)
        /// Nothing: clean, a write in flight, or a wake-up pending at or before the next chance.
        case wait
    }

    /// Shortest time between two writes while a backlog exists (`DaemonConfiguration.backlogOutputsInterval`).
    var backlogInterval: Duration
    /// Something shown in the outputs changed since the last write started.
    private(set) var dirty = true
    private(set) var writing = false
    private(set) var lastStart: Moment?
    private(set) var lastDuration = Duration.zero
    /// When the pending wake-up is due; nil: none pending.
    private(set) var dueAt: Moment?

    init(backlogInterval: Duration) { self.backlogInterval = backlogInterval }

    mutating func changed() { dirty = true }

    /// The interval in force after the last write.
    func interval(backlog: Bool) -> Duration {
        let stretched = max(Self.interval, lastDuration * 4)
        return backlog ? max(stretched, backlogInterval) : stretched
    }

    /// Decides at `now`, with or without a backlog, whether to write.
    mutating func next(now: Moment, backlog: Bool) -> Decision {
        guard dirty, !writing else { return .wait }
        if let last = lastStart, now - last < interval(backlog: backlog) {
            let due = last + interval(backlog: backlog)
            if let pending = dueAt, pending <= due { return .wait }
            dueAt = due
            return .wake(at: due)
        }
        dueAt = nil
        dirty = false
        writing = true
        lastStart = now
        return .write
    }

    /// A wake-up fired: false when a newer, earlier one superseded it and is not due yet.
    mutating func wakeUp(now: Moment) -> Bool {
        if let due = dueAt, now < due { return false }
        dueAt = nil
        return true
    }

    /// The write started by ``next(now:backlog:)`` ended after `took`.
    mutating func written(took: Duration) {
        writing = false
        lastDuration = took
    }
}
