extension DropState {
    /// Marks a verdict that is the host's failure, not the document's (``HostFailure``),
    /// with how many such attempts its content has had. A time-out or crash counts as
    /// the document's once it happened ``Settings/loadRetries`` + 1 times.
    func markRetry(_ record: inout VerdictRecord, _ key: ReportKey) {
        guard let kind = HostFailure.kind(of: record) else {
            record.retry = nil
            return
        }
        let earlier = current[key].flatMap { $0.sha256 == record.sha256 ? $0.retry : nil } ?? 0
        let attempt = earlier + 1
        record.retry = kind == .maybeLoad && attempt > settings.loadRetries ? nil : attempt
    }

    /// After a durable verdict: a retryable one is judged again after a back-off
    /// (doubling from ``Settings/hostRetryFirst`` up to ``Settings/hostRetryLongest``).
    mutating func scheduleRetry(_ key: ReportKey, _ record: VerdictRecord, now: Moment) {
        guard let attempt = record.retry else {
            retryDue.removeValue(forKey: key)
            return
        }
        var delay = settings.hostRetryFirst
        for _ in 1..<max(1, min(attempt, 20)) { delay = min(delay * 2, settings.hostRetryLongest) }
        retryDue[key] = now + min(delay, settings.hostRetryLongest)
    }

    /// Queues the reports whose retry is due.
    mutating func retryDueReports(now: Moment, _ effects: inout [DropEffect]) {
        guard !retryDue.isEmpty else { return }
        for (key, due) in retryDue.sorted(by: { $0.key < $1.key }) where due <= now {
            retryDue.removeValue(forKey: key)
            guard current[key]?.retry != nil, let root = drops.first(where: { $0.name == key.drop })?.path else { continue }
            enqueue(Job(key: key, root: root), &effects)
        }
    }

    /// The earliest retry due, if any.
    var earliestRetry: Moment? { retryDue.values.min() }
}
