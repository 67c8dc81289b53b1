extension DaemonState {
    /// The receipts directory was found deleted or replaced: said once, and every
    /// current report's receipt written again (each in order behind a change in flight).
    mutating func receiptsLost(now: Moment, _ effects: inout [DaemonEffect]) {
        guard settings.receipts, !isStopping else { return }
        notice(.stateHealed(.receiptDirectory, path: configuration.receiptDirectory ?? ""), now: now, &effects)
        writeReceipts(Set(drop.current.keys), &effects)
    }

    /// Writes these current reports' receipts again (each in order behind a change in flight).
    mutating func writeReceipts(_ keys: Set<ReportKey>, _ effects: inout [DaemonEffect]) {
        guard settings.receipts, !isStopping else { return }
        for key in keys.sorted() {
            if let record = drop.current[key] { receipt(key, .write(record), &effects) }
        }
    }
}
