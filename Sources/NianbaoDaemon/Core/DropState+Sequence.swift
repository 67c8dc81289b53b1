extension DropState {
    /// Numbers a journal line and gives it its content's first arrival: the order
    /// of uploads is the order of these numbers, never the wall clock's.
    mutating func sequence(_ record: inout VerdictRecord) {
        record.seq = nextSequence
        nextSequence += 1
        arrivals.stamp(&record)
    }

    /// A verdict is durable: its number is used, its arrival known, its retry (if
    /// the host failed) scheduled.
    mutating func recorded(_ key: ReportKey, _ record: VerdictRecord, now: Moment) {
        if let seq = record.seq { nextSequence = max(nextSequence, seq + 1) }
        arrivals.learn(record)
        arrivals.prune(current: current)
        sinceCheckpoint += 1
        scheduleRetry(key, record, now: now)
    }

    /// Asks for a checkpoint every ``Settings/checkpointEvery`` durable lines, at a
    /// moment when every line written to the journal is in `current`: nothing is
    /// committing or retiring. (The loop also writes one when it stops.)
    mutating func checkpointIfDue(_ effects: inout [DropEffect]) {
        guard sinceCheckpoint >= settings.checkpointEvery, committing.isEmpty, retiring.isEmpty, !isStopping else { return }
        sinceCheckpoint = 0
        effects.append(.checkpoint)
    }
}
