extension DropState {
    /// A drop folder's initial scan completed (or it is armed to re-appear):
    /// once every folder is, the daemon is ready. (A SIGHUP before that waits
    /// in the loop, which reloads only after READY=1.)
    mutating func rootArmed(_ root: String, _ effects: inout [DropEffect]) {
        guard pendingScans.remove(root) != nil, pendingScans.isEmpty, !isReady, !isStopping else { return }
        isReady = true
        // Reports of drop folders the configuration no longer names (removed before this start).
        retireUnconfigured(&effects)
        effects.append(.ready)
    }

    /// Replaces the drop folders (SIGHUP); reports of removed folders are retired.
    mutating func reconfigure(_ newDrops: [DropFolder], _ effects: inout [DropEffect]) {
        let old = drops
        drops = newDrops
        // The journal was reopened (after logrotate, say): the next checkpoint points into the new file.
        sinceCheckpoint = max(sinceCheckpoint, settings.checkpointEvery)
        // Their reports are retired, their pending work dropped, running jobs end without a verdict.
        retireUnconfigured(&effects)
        let oldPaths = old.map(\.path)
        let newPaths = newDrops.map(\.path)
        let add = newPaths.filter { !oldPaths.contains($0) }
        let remove = oldPaths.filter { !newPaths.contains($0) }
        if !add.isEmpty || !remove.isEmpty { effects.append(.watchRoots(add: add, remove: remove)) }
        // The limit may have been raised: the unwatched folders get their watches now.
        if unwatchedDirectories > 0 { effects.append(.rescan) }
        effects += [.notice(.reloaded(drops: newDrops)), .changed(summary: true)]
    }

    /// Stops accepting work: queued and settling reports are dropped (they have
    /// no verdict yet, so the next start judges them); running jobs finish.
    mutating func stop(_ effects: inout [DropEffect]) {
        guard !isStopping else { return }
        isStopping = true
        for job in waiting { active.remove(job.key) }
        for job in parkedJobs { active.remove(job.key) }
        parked.removeAll()
        for prepared in waitingForChild { active.remove(prepared.job.key) }
        waiting.removeAll()
        waitingForChild.removeAll()
        settling.removeAll()
        rerun.removeAll()
        pendingScans.removeAll()
        // Held verdicts are given up: judged again at the next start.
        for key in held.keys {
            committing.remove(key)
            active.remove(key)
        }
        held.removeAll()
        effects.append(.changed(summary: false))
    }
}
