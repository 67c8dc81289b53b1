/// Status-file changes waiting to be written, in batches (see ``StatusBatch``):
/// changes that arrive while a batch is being written share the next batch (one
/// file-system sync instead of two fsyncs per report).
///
/// Invariants: at most one batch is written at a time; a key's newest change
/// wins; a failed change is kept (unless a newer one replaced it) and retried
/// after a back-off that starts at ``firstDelay`` and doubles to ``longestDelay``,
/// reset only by a batch that fully succeeds; no batch starts while a retry delay
/// runs. The summary is a flag: its content is taken when the batch is written;
/// so is a rebuild of the whole directory (found deleted), which goes with the next
/// batch, so it never runs beside one.
struct StatusSchedule: Sendable, Equatable {
    static let firstDelay = Duration.milliseconds(250)
    static let longestDelay = Duration.seconds(10)

    /// A batch to write.
    struct Batch: Sendable, Equatable {
        var changes: [ReportKey: StatusBatch.Change]
        var summary: Bool
        /// Rebuild the directory from the current reports first (``StatusRebuild``).
        var rebuild = false
    }

    private(set) var pending: [ReportKey: StatusBatch.Change] = [:]
    private(set) var summaryPending = false
    private(set) var rebuildPending = false
    private(set) var writing = false
    /// The last back-off while writes fail; nil once a batch succeeds.
    private(set) var backoff: Duration?
    /// A retry delay is running: no batch starts until ``retryDue()``.
    private(set) var waitingToRetry = false

    mutating func add(_ key: ReportKey, _ change: StatusBatch.Change) { pending[key] = change }
    mutating func addSummary() { summaryPending = true }
    /// The directory was found deleted or replaced: the next batch rebuilds it (the
    /// summary included: a rebuilt directory always gets one).
    mutating func addRebuild() { rebuildPending = true }

    /// A rebuild was made (one asked for, or one the writer found needed): a loss seen
    /// before it is mended, so a rebuild still pending is dropped.
    mutating func rebuilt() { rebuildPending = false }

    /// Takes the next batch, if one should start now.
    mutating func take() -> Batch? {
        guard !writing, !waitingToRetry, !pending.isEmpty || summaryPending || rebuildPending else { return nil }
        writing = true
        return takeAll()
    }

    /// Everything pending, whatever is in flight (the last write before the exit).
    mutating func takeAll() -> Batch {
        defer { pending = [:]; summaryPending = false; rebuildPending = false }
        return Batch(changes: pending, summary: summaryPending, rebuild: rebuildPending)
    }

    /// A batch ended. Returns the retry delay when something failed.
    mutating func written(_ failures: StatusBatch.Failures) -> Duration? {
        writing = false
        guard !failures.isEmpty else {
            backoff = nil
            return nil
        }
        for (key, change) in failures.changes where pending[key] == nil { pending[key] = change }
        if failures.summaryFailed { summaryPending = true }
        let delay = backoff.map { min($0 * 2, Self.longestDelay) } ?? Self.firstDelay
        backoff = delay
        waitingToRetry = true
        return delay
    }

    /// The retry delay ran out.
    mutating func retryDue() { waitingToRetry = false }
}
