extension DropLoop {
    /// The status directory and each drop folder's folder in it, as the status guard watches them.
    var statusFolders: [String] {
        [parts.status.root] + state.drop.drops.map { parts.status.root + "/" + $0.name }
    }

    /// The periodic look at the state (``DaemonEffect/checkState``): a journal or attempt
    /// log deleted or replaced is reopened or written again at once, and said; a status
    /// or receipts directory found so answers an input (its rebuild is the state's to
    /// schedule). A few `stat` calls.
    func checkState() -> DaemonInput? {
        let (journal, attempts) = (parts.journal, parts.judge.attempts)
        if (try? journal.reopenIfReplaced()) == true { send.yield(.notice(.stateHealed(.journal, path: journal.path))) }
        if attempts.healIfLost() { send.yield(.notice(.stateHealed(.attemptLog, path: attempts.path))) }
        if let receipts = parts.receipts, parts.receiptGuard.lost([receipts.directory]) {
            parts.receiptGuard.remember([receipts.directory])
            send.yield(.receiptsLost)
        }
        return parts.statusGuard.lost(statusFolders) ? .statusLost : nil
    }
}
