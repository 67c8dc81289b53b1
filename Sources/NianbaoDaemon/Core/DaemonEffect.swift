/// What ``DaemonState/apply(_:now:)`` asks the loop (``DropLoop``) to do, in
/// order. Effects that take time answer with a ``DaemonInput``. Large cases are
/// `indirect`, so an effect list (a scan queues thousands of jobs) stays small.
enum DaemonEffect: Sendable, Equatable {
    /// A file-state effect: a job, a journal write, a settle timer, a watch change,
    /// or a verdict or removal to tell the observers.
    case work(DropEffect)
    /// Tell the observers (terminal, systemd journal, log).
    case notice(DaemonNotice)
    /// Tell systemd.
    case notify(ServiceMessage)
    /// Answer `.due(timer)` at this moment.
    case timer(DaemonTimer, at: Moment)
    /// Write a status batch (the summary made when written), after rebuilding the status
    /// directory if the batch asks for it or it was deleted or replaced; answers
    /// `.statusRebuilt` (after a rebuild) and `.statusWritten`.
    indirect case writeStatus(StatusSchedule.Batch)
    /// Write the derived outputs from the current state; answers `.outputsWritten`.
    case writeOutputs
    /// Write or remove a report's receipt; answers `.receiptDone`.
    indirect case receipt(ReportKey, ReceiptChange)
    /// Read the configuration again; answers `.reloadLoaded` or `.reloadFailed`.
    case loadConfiguration
    /// Create the new drop folders and reopen the journal; answers at once with
    /// `.configurationApplied` or `.reloadFailed`.
    indirect case applyConfiguration(DaemonConfiguration)
    /// Look whether the status directory, the receipts directory, the journal or the
    /// attempt log was deleted or replaced; answers `.statusLost` or `.receiptsLost`
    /// (the journal and the attempt log are reopened at once, and said).
    case checkState
    /// Kill the helper processes and stop watching (the stop's first step).
    case stopWork
    /// Nothing is in flight: write what is pending (`outputs`: the derived outputs
    /// too), say `STATUS=` `line`, and end.
    indirect case exit(StatusSchedule.Batch, outputs: Bool, line: String)
}

/// A message to the service manager (``ServiceNotifier``).
enum ServiceMessage: Sendable, Equatable {
    case ready
    case reloading
    case stopping
    case status(String)
    case watchdog
    case extendTimeout(usec: UInt64)
}
