/// Receipt changes for the uploaders, run as tasks of the loop's task group.
///
/// Invariants: at most one change per report is in flight, so a write and a
/// removal just after it land in that order; changes arriving meanwhile wait,
/// the newest replacing an older one (only the last state of a receipt
/// matters); the loop exits only when no change is in flight. A failed change
/// is tried again after the status files' back-off (0.25 s doubling to 10 s, per
/// report, reset by a success); the report stays in flight meanwhile, and a newer
/// change waiting by then replaces it. The stop gives up the retries.
struct ReceiptSchedule: Sendable, Equatable {
    private(set) var running: Set<ReportKey> = []
    private(set) var waiting: [ReportKey: ReceiptChange] = [:]
    /// Failed changes waiting for their retry delay.
    private(set) var retrying: [ReportKey: ReceiptChange] = [:]
    /// The last retry delay of each report whose changes fail.
    private(set) var backoff: [ReportKey: Duration] = [:]

    var isIdle: Bool { running.isEmpty }

    /// `key`'s change in flight failed: returns the delay before it is tried again.
    mutating func failed(_ key: ReportKey, _ change: ReceiptChange) -> Duration {
        let delay = backoff[key].map { min($0 * 2, StatusSchedule.longestDelay) } ?? StatusSchedule.firstDelay
        backoff[key] = delay
        retrying[key] = change
        return delay
    }

    /// `key`'s retry delay ran out: the change to start (a newer one waiting, else the failed one).
    mutating func retryDue(_ key: ReportKey) -> ReceiptChange? {
        guard let failed = retrying.removeValue(forKey: key) else { return nil }
        return waiting.removeValue(forKey: key) ?? failed
    }

    /// The stop: changes waiting for a retry are given up.
    mutating func abandonRetries() {
        for key in retrying.keys {
            running.remove(key)
            waiting.removeValue(forKey: key)
        }
        retrying = [:]
    }

    /// A change for `key`: returned when it starts now, nil when it waits.
    mutating func add(_ key: ReportKey, _ change: ReceiptChange) -> ReceiptChange? {
        guard running.insert(key).inserted else {
            waiting[key] = change
            return nil
        }
        return change
    }

    /// `key`'s change in flight ended: returns the one to start next, if any.
    mutating func done(_ key: ReportKey) -> ReceiptChange? {
        backoff.removeValue(forKey: key)
        if let next = waiting.removeValue(forKey: key) { return next }
        running.remove(key)
        return nil
    }
}

/// What happens to a report's receipt.
enum ReceiptChange: Sendable, Equatable {
    /// Write (or replace) the receipt for this verdict.
    indirect case write(VerdictRecord)
    case remove
}
