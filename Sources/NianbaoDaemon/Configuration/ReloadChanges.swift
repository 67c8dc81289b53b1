import NianbaoPlatform

/// What a SIGHUP reload may change in the running daemon, and what only a restart
/// can: the drop folders, the roster and the printing are applied; the state paths
/// (`state.*`), the outputs' paths, the workers and the readers' limits are kept as
/// they were, and said to need a restart.
enum ReloadChanges {
    /// The keys whose new value takes effect only at the next start, in the file's terms.
    static func restartKeys(from old: DaemonConfiguration, to new: DaemonConfiguration) -> [String] {
        func path(_ value: String?) -> String? { value.map(CanonicalPath.absolute) }
        var keys: [String] = []
        if path(old.statusDirectory) != path(new.statusDirectory) { keys.append("state.statusDirectory") }
        if path(old.journalFile) != path(new.journalFile) { keys.append("state.journalFile") }
        if path(old.receiptDirectory) != path(new.receiptDirectory) { keys.append("state.receiptDirectory") }
        if path(old.metricsFile) != path(new.metricsFile) { keys.append("output.metricsFile") }
        if old.dashboard != new.dashboard { keys.append("output.dashboard") }
        if old.settle != new.settle { keys.append("watch.settleMilliseconds") }
        if old.maxFileBytes != new.maxFileBytes { keys.append("watch.maxFileBytes") }
        if old.workers != new.workers { keys.append("watch.workers") }
        if old.hostRetrySeconds != new.hostRetrySeconds { keys.append("watch.retrySeconds") }
        if old.convertTimeoutSeconds != new.convertTimeoutSeconds { keys.append("convert.timeoutSeconds") }
        if old.convertMemoryMegabytes != new.convertMemoryMegabytes { keys.append("convert.memoryMegabytes") }
        if old.convertParallel != new.convertParallel { keys.append("convert.parallel") }
        if old.parseTimeoutSeconds != new.parseTimeoutSeconds { keys.append("parse.timeoutSeconds") }
        if old.parseMemoryMegabytes != new.parseMemoryMegabytes { keys.append("parse.memoryMegabytes") }
        return keys
    }

    /// The configuration in force after a reload: `new`'s drop folders, roster and
    /// printing over `old`'s restart-only values.
    static func applied(_ new: DaemonConfiguration, over old: DaemonConfiguration) -> DaemonConfiguration {
        var applied = old
        applied.drops = new.drops
        applied.rosterFile = new.rosterFile
        applied.roster = new.roster
        applied.createDrops = new.createDrops
        applied.printVerdicts = new.printVerdicts
        applied.backlogOutputsInterval = new.backlogOutputsInterval
        return applied
    }

    /// Why a reload must be refused: a drop folder it adds does not exist and
    /// `watch.createDrops` is off (at start the same folder would stop the daemon).
    static func refusal(_ new: DaemonConfiguration, over old: DaemonConfiguration, exists: (String) -> Bool) -> String? {
        guard !new.createDrops else { return nil }
        let missing = new.drops.filter { drop in !old.drops.contains(drop) && !exists(drop.path) }
        guard !missing.isEmpty else { return nil }
        return "drop folder \(missing.map(\.path).joined(separator: ", ")) does not exist (set watch.createDrops or --create-drops to create it)"
    }
}
