/// What reaches the effects loop: inputs for the state, and the loop's own
/// timers and signals. Every child task answers with one of these.
enum LoopMessage: Sendable {
    case input(DropInput)
    /// The coalescing delay after a change ran out: publish summary and STATUS=.
    case publishDue
    /// The status files of a batch are on disk (or some failed, to be retried).
    case statusFlushed(StatusBatch.Failures)
    case statusRetryDue
    /// The derived outputs may be written again (at most about once a second).
    case outputsDue
    /// The derived outputs were written; the errors met and how long it took.
    case outputsWritten([String], took: Duration)
    /// Half the watchdog interval passed: ping if the loop and the workers are well.
    case watchdogTick
    /// A long initial scan: extend the start-up timeout.
    case startupTick
    case hangup
    case reloadLoaded(Result<DaemonConfiguration, any Error>)
    case stopRequested
}
