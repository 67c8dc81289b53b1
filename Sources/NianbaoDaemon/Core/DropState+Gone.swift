/// Reports that must not end current although a verdict for them is on its way:
/// a file deleted while it was being judged, and reports of a drop folder the
/// configuration no longer names (removed by a reload, or before a restart).
///
/// Invariants: a key is in ``DropState/vanished`` only while it is active; its
/// verdict, if one arrives, is dropped before the journal, or (already in the
/// journal) retired right after it became durable, so it ends removed. A new event
/// for the file (created, written, moved in) takes it out again.
extension DropState {
    /// Whether `key`'s drop folder is configured.
    func isConfigured(_ key: ReportKey) -> Bool {
        drops.contains { $0.name == key.drop }
    }

    /// The file of an active report was removed: whatever verdict is on its way is not current.
    mutating func vanishedWhileActive(_ key: ReportKey) {
        guard active.contains(key) else { return }
        vanished.insert(key)
        rerun.removeValue(forKey: key)
    }

    /// Whether a verdict just computed for `key` is to be dropped (its file is gone
    /// or its drop folder unconfigured); the key is then finished.
    mutating func dropsVerdict(_ key: ReportKey, _ effects: inout [DropEffect]) -> Bool {
        guard vanished.contains(key) || !isConfigured(key) else { return false }
        finish(key, &effects)
        return true
    }

    /// A verdict became durable for a report that is gone meanwhile: retired at once.
    mutating func retireIfGone(_ key: ReportKey, wasVanished: Bool, _ effects: inout [DropEffect]) {
        if wasVanished || !isConfigured(key) { retire(key, &effects) }
    }

    /// Reports of drop folders no longer configured (a reload removed the folder, or the
    /// daemon restarted without it): retired, and their pending work dropped. Running
    /// jobs end without a verdict (``dropsVerdict(_:_:)``).
    mutating func retireUnconfigured(_ effects: inout [DropEffect]) {
        let names = Set(drops.map(\.name))
        for key in settling.keys where !names.contains(key.drop) { settling.removeValue(forKey: key) }
        let dropped = waiting.filter { !names.contains($0.key.drop) }
        if !dropped.isEmpty {
            waiting.removeAll { !names.contains($0.key.drop) }
            for job in dropped { finish(job.key, &effects) }
        }
        for drop in parked.keys where !names.contains(drop) {
            for job in parked.removeValue(forKey: drop) ?? [] { finish(job.key, &effects) }
        }
        let droppedChild = waitingForChild.filter { !names.contains($0.job.key.drop) }
        if !droppedChild.isEmpty {
            waitingForChild.removeAll { !names.contains($0.job.key.drop) }
            for prepared in droppedChild { finish(prepared.job.key, &effects) }
        }
        for key in rerun.keys where !names.contains(key.drop) { rerun.removeValue(forKey: key) }
        for key in current.keys.sorted() where !names.contains(key.drop) {
            retire(key, &effects)
        }
    }
}
