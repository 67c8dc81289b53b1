import Foundation

/// Every decision of the running daemon, as a value: the file state
/// (``DropState``) and, around it, when the status files, summary, `STATUS=`
/// line and derived outputs are written, the back-off of failed status writes,
/// reloads, the stop, the watchdog, receipts, the counters and the problem list.
/// ``apply(_:now:)`` takes one input and returns the effects to perform; it does
/// no I/O and reads no clock (time arrives with the inputs).
///
/// Invariants: the daemon is ready and stopping exactly when ``DropState/isReady``
/// and ``DropState/isStopping`` say so (no second flag); every notice goes through
/// ``notice(_:now:_:)``, so the observers and the problem list see the same set;
/// `.exit` comes once, after the file state finished and no status batch, output
/// write or receipt change is in flight; nothing is scheduled after it.
struct DaemonState: Sendable {
    /// Tunables and what the daemon writes.
    struct Settings: Sendable, Equatable {
        /// Whether derived outputs and receipts are written.
        var outputs = true
        var receipts = false
        /// ``ServiceNotifier/watchdogInterval``; nil: no watchdog.
        var watchdogInterval: Duration?
        /// The wall-clock time at moment zero (for the problem list and the counters).
        var startedAt = Date(timeIntervalSince1970: 0)
        /// Coalescing delay between a change and summary.json and `STATUS=`.
        var publishDelay = Duration.milliseconds(100)
        /// When the first start-up timeout extension comes, and every how long the next.
        var startupFirst = Duration.seconds(5)
        var startupEvery = Duration.seconds(10)
        /// How far each start-up extension moves systemd's timeout (EXTEND_TIMEOUT_USEC).
        var startupExtensionUsec: UInt64 = 30_000_000
        /// How often, once ready, the state folders and files are looked at (deleted or replaced?).
        var stateCheckEvery = Duration.seconds(5)
    }

    let settings: Settings
    var drop: DropState
    /// The configuration in force (its roster and backlog interval; reloaded on SIGHUP).
    private(set) var configuration: DaemonConfiguration
    var outputs: OutputSchedule
    var status = StatusSchedule()
    var reload = ReloadState()
    var watchdog: WatchdogState
    var receipts = ReceiptSchedule()
    var problems = ProblemLog()
    /// How each drop folder is watched (told by the watch notices).
    var watching = WatchModeTable()
    var counters = DaemonCounters()
    var publishPending = false
    var summaryDirty = false
    var lastStatusLine = ""
    var dropFinished = false
    var exited = false

    init(drop: DropState, configuration: DaemonConfiguration, settings: Settings) {
        self.drop = drop
        self.configuration = configuration
        self.settings = settings
        outputs = OutputSchedule(backlogInterval: configuration.backlogOutputsInterval)
        watchdog = WatchdogState(interval: settings.watchdogInterval)
    }

    /// Applies one input at moment `now`; returns the effects to perform, in order.
    mutating func apply(_ input: DaemonInput, now: Moment) -> [DaemonEffect] {
        guard !exited else { return [] }
        var effects: [DaemonEffect] = []
        switch input {
        case .start:
            effects.append(.timer(.startup, at: now + settings.startupFirst))
            if let interval = watchdog.interval { effects.append(.timer(.watchdog, at: now + interval)) }
        case .drop(let input):
            applyDrop(input, now: now, &effects)
        case .due(let timer):
            due(timer, now: now, &effects)
        case .outputsWritten(let errors, let took):
            outputs.written(took: took)
            for error in errors { notice(.failure(error), now: now, &effects) }
            writeOutputs(now: now, &effects)
        case .statusWritten(let failures):
            let failing = status.backoff != nil
            if let delay = status.written(failures) {
                // Said once when writes start failing, not at every retry.
                if !failing, let error = failures.firstError { notice(.failure(error + "; retrying"), now: now, &effects) }
                effects.append(.timer(.statusRetry, at: now + delay))
            }
            flushStatus(&effects)
        case .receiptDone(let key, let change, let error):
            if let error {
                let what = change == .remove ? "removal" : "write"
                let failing = receipts.backoff[key] != nil
                if !isStopping {
                    let delay = receipts.failed(key, change)
                    if !failing { notice(.failure("receipt \(what) failed for \(key): \(error); retrying"), now: now, &effects) }
                    effects.append(.timer(.receiptRetry(key), at: now + delay))
                    break
                }
                notice(.failure("receipt \(what) failed for \(key): \(error)"), now: now, &effects)
            }
            if let next = receipts.done(key) { effects.append(.receipt(key, next)) }
        case .hangup:
            hangup(now: now, &effects)
        case .reloadLoaded(let fresh):
            reload.loaded()
            if !drop.isStopping { effects.append(.applyConfiguration(fresh)) }
        case .configurationApplied(let fresh):
            let restart = ReloadChanges.restartKeys(from: configuration, to: fresh)
            configuration = ReloadChanges.applied(fresh, over: configuration)
            outputs.backlogInterval = configuration.backlogOutputsInterval
            applyDrop(.reconfigure(configuration.drops), now: now, &effects)
            if !restart.isEmpty { notice(.restartNeeded(keys: restart), now: now, &effects) }
            reloadEnded(now: now, &effects)
        case .reloadFailed(let error):
            reload.loaded()
            guard !drop.isStopping else { break }
            notice(.failure("reload failed, keeping the previous configuration: \(error)"), now: now, &effects)
            reloadEnded(now: now, &effects)
        case .stopRequested:
            stop(now: now, &effects)
        case .notice(let notice):
            self.notice(notice, now: now, &effects)
        case .receiptsLost:
            receiptsLost(now: now, &effects)
        case .writeReceipts(let keys):
            writeReceipts(keys, &effects)
        case .statusLost:
            status.addRebuild()
            flushStatus(&effects)
        case .statusRebuilt(let untabled):
            status.rebuilt()
            if !untabled.isEmpty { applyDrop(.rejudge(untabled), now: now, &effects) }
        }
        exitIfDone(&effects)
        return effects
    }

    // MARK: - Queries

    /// Whether every drop folder's initial scan completed (READY=1).
    var isReady: Bool { drop.isReady }
    var isStopping: Bool { drop.isStopping }

    /// The wall-clock time of moment `now`.
    func wallTime(_ now: Moment) -> Date {
        settings.startedAt.addingTimeInterval(now.timeInterval)
    }

    /// The one-line live summary for `STATUS=`.
    var statusLine: String {
        let count = drop.drops.count
        var folders = "watching \(count) folder\(count == 1 ? "" : "s")" + watching.statusPart
        if drop.unwatchedDirectories > 0 {
            folders += " · \(drop.unwatchedDirectories) polled (inotify watch limit)"
        }
        if let held = drop.storageBacklog {
            let problem = StorageProblem(error: drop.storageError ?? "")
            return "\(problem.chinese)：\(held) 份报告待写入 · \(folders) · queue \(drop.backlog)"
        }
        return "\(folders) · \(drop.summary(updated: "").line) · queue \(drop.backlog)"
    }

    /// The state the derived outputs are made from.
    func published(journalSyncs: SyncTimes.Snapshot, time: Date) -> PublishedState {
        var state = PublishedState(
            records: drop.current, drops: drop.drops, roster: configuration.roster, queueDepth: drop.backlog,
            counters: counters, problems: problems.records, journalSyncs: journalSyncs, time: time,
            watchedDirectories: drop.watchedDirectories ?? drop.drops.count, unwatchedDirectories: drop.unwatchedDirectories)
        state.watching = watching
        return state
    }

    /// The counts for summary.json and STATUS=.
    func summary(updated: String) -> Summary { drop.summary(updated: updated) }
}
