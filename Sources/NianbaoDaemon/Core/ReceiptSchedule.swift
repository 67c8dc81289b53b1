/// Receipt changes for the uploaders, run as tasks of the loop's task group.
///
/// Invariants: at most one change per report is in flight, so a write and a
/// removal just after it land in that order; changes arriving meanwhile wait,
/// the newest replacing an older one (only the last state of a receipt
/// matters); the loop exits only when no change is in flight.
struct ReceiptSchedule: Sendable, Equatable {
    private(set) var running: Set<ReportKey> = []
    private(set) var waiting: [ReportKey: ReceiptChange] = [:]

    var isIdle: Bool { running.isEmpty }

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
