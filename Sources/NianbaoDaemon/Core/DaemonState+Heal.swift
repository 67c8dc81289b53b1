extension DaemonState {
    /// The receipts directory was found deleted or replaced: said once, and every
    /// current report's receipt written again (each in order behind a change in flight).
    mutating func receiptsLost(now: Moment, _ effects: inout [DaemonEffect]) {
        guard settings.receipts, !isStopping else { return }
        notice(.stateHealed(.receiptDirectory, path: configuration.receiptDirectory ?? ""), now: now, &effects)
        for (key, record) in drop.current.sorted(by: { $0.key < $1.key }) {
            receipt(key, .write(record), &effects)
        }
    }
}
