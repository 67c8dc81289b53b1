import NianbaoPlatform
import SystemPackage

extension DropState {
    /// Routes one watch event.
    mutating func handle(_ event: WatchEvent, identity: FileIdentity?, now: Moment, _ effects: inout [DropEffect]) {
        switch event {
        case .fileClosedAfterWrite, .fileFound, .fileCreated:
            // Settle from the write's close, a scan or creation: a writer's first
            // IN_MODIFY cancels this and its IN_CLOSE_WRITE settles again; a hard
            // link, a FIFO or a file created and never written only ever produce
            // IN_CREATE and are judged once the settle time has passed.
            if let job = job(for: event) { startSettling(job, identity: identity, now: now) }
        case .fileModified:
            // A writer has the file open: wait for its close-write rather than a timer.
            if let job = job(for: event) { settling.removeValue(forKey: job.key) }
        case .fileMovedIn:
            if let job = job(for: event) {
                settling.removeValue(forKey: job.key)
                enqueue(job, &effects)
            }
        case .fileRemoved:
            if let job = job(for: event) {
                settling.removeValue(forKey: job.key)
                vanishedWhileActive(job.key)
                retire(job.key, &effects)
            }
        case .directoryRemoved:
            guard let job = job(for: event) else { return }
            let directory = job.key
            for key in settling.keys where key.drop == directory.drop && key.isInside(directory.relativePath) {
                settling.removeValue(forKey: key)
            }
            for key in active where key.drop == directory.drop && key.isInside(directory.relativePath) {
                vanishedWhileActive(key)
            }
            for key in current.keys.sorted() where key.drop == directory.drop && key.isInside(directory.relativePath) {
                retire(key, &effects)
            }
        case .scanCompleted(let root, _):
            rootArmed(root, &effects)
            verifyAfterScan(root: root, &effects)
        case .overflow:
            effects.append(.notice(.overflowRescan))
        case .rootLost(let root):
            rootArmed(root, &effects)  // armed to re-appear
            effects.append(.notice(.watchLost(path: root)))
        case .rootRestored(let root):
            effects.append(.notice(.watchRestored(path: root)))
        case .watchLimitReached(let path):
            // Said once by the watcher for a run of refused folders; they are polled.
            effects.append(.notice(.watchLimitReached(path: path)))
        case .coverage(let watched, let unwatched):
            watchedDirectories = watched
            unwatchedDirectories = unwatched
            schedulePoll(&effects)
            effects.append(.changed(summary: false))
        case .error(let text):
            effects.append(.notice(.failure(text)))
        }
    }

    /// Polls the unwatched folders every ``Settings/pollInterval`` while there are any.
    mutating func schedulePoll(_ effects: inout [DropEffect]) {
        guard unwatchedDirectories > 0, !rescanPending, !isStopping else { return }
        rescanPending = true
        effects.append(.scheduleRescan(after: settings.pollInterval))
    }

    /// The job for a file event below a drop folder; nil when stopping or outside every drop.
    func job(for event: WatchEvent) -> Job? {
        guard !isStopping, let root = event.root, let path = event.path, !path.isEmpty,
              let drop = drops.first(where: { $0.path == root }) else { return nil }
        return Job(key: ReportKey(drop: drop.name, relativePath: path), root: root)
    }

    mutating func startSettling(_ job: Job, identity: FileIdentity?, now: Moment) {
        generation += 1
        vanished.remove(job.key)
        settling[job.key] = Settling(job: job, deadline: now + settings.settle, identity: identity, generation: generation)
    }

    /// The timer fired: probe the files whose settle time ran out.
    mutating func tick(_ now: Moment, _ effects: inout [DropEffect]) {
        if let at = wakeAt, at <= now { wakeAt = nil }
        retryDueReports(now: now, &effects)
        var probes: [Probe] = []
        for (key, entry) in settling where !entry.probing && entry.deadline <= now {
            settling[key]?.probing = true
            probes.append(Probe(job: entry.job, generation: entry.generation))
        }
        // One batch per drop folder: a probe hung on a share that stopped answering
        // holds up only that folder's files.
        let byDrop = Dictionary(grouping: probes) { $0.job.key.drop }
        for drop in byDrop.keys.sorted() {
            effects.append(.probe(byDrop[drop, default: []].sorted { $0.job.key < $1.job.key }))
        }
    }

    /// A file that kept its identity over the settle time is queued; one that
    /// changed without a close waits another settle period.
    mutating func probed(_ results: [ProbeResult], now: Moment, _ effects: inout [DropEffect]) {
        for result in results {
            guard var entry = settling[result.key], entry.generation == result.generation else { continue }
            if let identity = result.identity, identity != entry.identity {
                entry.identity = identity
                entry.deadline = now + settings.settle
                entry.probing = false
                settling[result.key] = entry
                continue
            }
            settling.removeValue(forKey: result.key)
            enqueue(entry.job, &effects)
        }
    }

    /// Arms the timer for the earliest settle deadline (never sooner than one batch interval).
    mutating func armTimer(_ effects: inout [DropEffect]) {
        guard !isStopping else { return }
        if settlingDeadline == nil {
            settlingDeadline = .some(settling.values.lazy.filter({ !$0.probing }).map(\.deadline).min())
        }
        guard let earliest = [settlingDeadline ?? nil, earliestRetry].compactMap({ $0 }).min() else { return }
        let target = max(earliest, lastNow + settings.batchWake)
        if let armed = wakeAt, armed <= target { return }
        wakeAt = target
        effects.append(.wake(at: target))
    }

    /// After a scan, reports of that drop not seen busy are checked for presence.
    func verifyAfterScan(root: String, _ effects: inout [DropEffect]) {
        guard let drop = drops.first(where: { $0.path == root }) else { return }
        let jobs = current.keys
            .filter { $0.drop == drop.name && !active.contains($0) && settling[$0] == nil }
            .sorted()
            .map { Job(key: $0, root: root) }
        if !jobs.isEmpty { effects.append(.verifyPresent(jobs)) }
    }
}
