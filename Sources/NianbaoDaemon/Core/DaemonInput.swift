/// Everything that changes ``DaemonState``: the file state's inputs, and the
/// loop's timers, signals and the answers of its tasks. The loop feeds these to
/// ``DaemonState/apply(_:now:)`` one at a time, in the order they happened.
///
/// Large cases are `indirect`: the inbox holds thousands of watch events at a
/// scan, each the size of the largest inline case.
enum DaemonInput: Sendable, Equatable {
    /// The loop started (arms the start-up and watchdog timers).
    case start
    /// An input for the file state (``DropState``).
    case drop(DropInput)
    /// A timer asked for by ``DaemonEffect/timer(_:at:)`` fired.
    case due(DaemonTimer)
    /// The derived outputs were written: the errors met and how long it took.
    case outputsWritten(errors: [String], took: Duration)
    /// A status batch was written (failed changes, if any, are retried).
    indirect case statusWritten(StatusBatch.Failures)
    /// A receipt change ended; `error` when it failed.
    indirect case receiptDone(ReportKey, ReceiptChange, error: String?)
    case hangup
    /// The configuration was read again (paths absolute).
    indirect case reloadLoaded(DaemonConfiguration)
    /// The new configuration is in force: new drop folders exist, the journal is reopened.
    indirect case configurationApplied(DaemonConfiguration)
    case reloadFailed(String)
    /// SIGTERM or the service group's shutdown.
    case stopRequested
    /// Something to report that happened outside the state (start-up, a failed write).
    case notice(DaemonNotice)
    /// The receipts directory was found deleted or replaced: every receipt is written again.
    case receiptsLost
    /// These reports' receipts are missing or stale (found at start): written again.
    indirect case writeReceipts(Set<ReportKey>)
    /// The status directory was found deleted or replaced (by the periodic check): rebuilt with the next batch.
    case statusLost
    /// The status directory was rebuilt; `untabled` reports were written without their
    /// tables (their journal line is gone) and are judged again.
    indirect case statusRebuilt(untabled: Set<ReportKey>)
}

/// The loop's timers besides the file state's settle timer.
enum DaemonTimer: Sendable, Hashable {
    /// The coalescing delay after a change: publish summary.json and STATUS=.
    case publish
    /// The derived outputs may be written again.
    case outputs
    /// A failed status batch is retried.
    case statusRetry
    /// A report's failed receipt change is retried.
    case receiptRetry(ReportKey)
    /// A long initial scan: extend the start-up timeout.
    case startup
    /// Half the watchdog interval passed: ping if the loop and the workers are well.
    case watchdog
    /// Look whether a state folder or file was deleted or replaced (``DaemonEffect/checkState``).
    case stateCheck
}
