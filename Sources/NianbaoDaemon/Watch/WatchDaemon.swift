import Logging
import NianbaoPlatform
import ServiceLifecycle
import UnixSignals

/// `nianbao watch`: the drop-folder daemon as a swift-service-lifecycle `Service`.
///
/// Start-up: replay the verdict journal, open it (repairing a torn tail), arm
/// every watch, queue the start-up reconciliation (the watcher's initial scan),
/// then READY=1. SIGHUP reloads the configuration; SIGTERM kills helper
/// processes, drops queued reports (judged at the next start) and exits.
public final class WatchDaemon: Service, Sendable {
    private let initial: DaemonConfiguration
    private let reload: @Sendable () async throws -> DaemonConfiguration
    private let observer: any DaemonObserver
    private let logger: Logger
    private let notifier = SystemdNotifier()

    /// - Parameters:
    ///   - configuration: the validated configuration to start with.
    ///   - reload: re-reads the configuration on SIGHUP.
    public init(
        configuration: DaemonConfiguration, reload: @escaping @Sendable () async throws -> DaemonConfiguration,
        observer: any DaemonObserver, logger: Logger
    ) {
        self.initial = configuration
        self.reload = reload
        self.observer = observer
        self.logger = logger
    }

    public func run() async throws {
        var config = initial
        config.drops = config.drops.map { DropFolder(name: $0.name, path: PathNormalizer.absolute($0.path)) }
        let status = StatusDirectory(root: PathNormalizer.absolute(config.statusDirectory))
        let journalPath = PathNormalizer.absolute(config.journalFile)
        let replay = try JournalReplay.replay(path: journalPath)
        let journal = try VerdictJournal(path: journalPath)
        if !journal.repairedTail.isEmpty {
            observer.notice(.journalRepaired(path: journalPath, bytes: journal.repairedTail.count))
        }
        var current = status.allRecords().filter { key, _ in config.drops.contains { $0.name == key.drop } }
        for (key, record) in replay.latest { current[key] = record }
        for key in replay.removed { current.removeValue(forKey: key) }

        let attempts = try AttemptLog(path: journalPath + ".attempts") { attempt in
            current[attempt.key]?.sha256 == attempt.sha256
        }
        let queue = JobQueue<Job>(capacity: config.queueCapacity)
        let manager = DropManager(
            drops: config.drops, settle: config.settle, queue: queue, journal: journal, status: status,
            observer: observer, current: current)
        await manager.reconcileStatusDirectory()
        await manager.flushSummary(force: true)

        await manager.expectInitialScans(config.drops.map(\.path))
        let watcher = TreeWatcher(roots: config.drops.map(\.path))
        try watcher.start()
        let health = WorkerHealth(workers: config.workers)
        let checker = ReportChecker(convertLimits: config.convertLimits, pdfReader: ChildPDFReader(limits: config.parseLimits))

        // Trap SIGHUP before READY=1: a reload may follow READY=1 at once, and
        // SIGHUP's default action would kill the daemon.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let configBox = ConfigBox(config)
        let stateLine = StatusLine(manager: manager, config: configBox)
        let publisher = Task { await self.publishStatus(manager: manager, statusLine: stateLine) }
        let ticker = Task { await self.pingWatchdog(health: health) }
        let reloader = Task {
            await manager.waitUntilArmed()
            for await _ in hangups {
                await self.reloadConfiguration(configBox, manager: manager, watcher: watcher, journal: journal)
            }
        }

        let startDrops = config.drops
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                let retry = WatchLimitRetry(watcher: watcher)
                for await event in watcher.events {
                    if case .watchLimitReached = event { await retry.schedule() }
                    await manager.handle(event)
                }
                await retry.cancel()
            }
            group.addTask {
                await self.announceReady(manager: manager, drops: startDrops, statusLine: stateLine)
            }
            group.addTask { await manager.runSettleLoop() }
            let childSlots = ChildSlots(config.workers)
            for index in 0..<config.workers {
                let worker = ReportWorker(checker: checker, maxBytes: config.maxFileBytes, manager: manager, health: health,
                                          index: index, attempts: attempts, childSlots: childSlots)
                group.addTask { await worker.run(queue) }
            }
            group.addTask {
                try? await gracefulShutdown()
                _ = self.notifier.stopping()
                self.observer.notice(.stopping)
                // Stop promptly whatever the workers are doing: helper processes are
                // killed and queued reports dropped; none of them has a verdict yet,
                // so the next start judges them (its reconciliation finds them).
                ChildRegistry.shared.stopAll()
                reloader.cancel()
                watcher.stop()
                await manager.stop()
                await queue.cancelPending()
            }
            await group.waitForAll()
        }
        ticker.cancel()
        publisher.cancel()
        await manager.drainCommits()
        await manager.drainStatus()
        await manager.flushSummary(force: true)
        _ = notifier.status("stopped · \(await manager.summary().line)")
    }

    /// READY=1 once every watch is armed and the start-up reconciliation is
    /// queued (each drop folder's initial scan has completed). A long initial
    /// crawl extends systemd's start timeout with EXTEND_TIMEOUT_USEC meanwhile.
    private func announceReady(manager: DropManager, drops: [DropFolder], statusLine: StatusLine) async {
        let extender = Task {
            try? await Task.sleep(for: .seconds(5))
            while !Task.isCancelled {
                _ = notifier.extendTimeout(usec: 30_000_000)
                _ = notifier.status("scanning drop folders · \(await manager.backlog()) reports queued")
                try? await Task.sleep(for: .seconds(10))
            }
        }
        await manager.waitUntilArmed()
        extender.cancel()
        guard !(await manager.isStopping) else { return }
        observer.notice(.started(drops: drops))
        _ = notifier.ready()
        _ = notifier.status(await statusLine.text())
    }

    /// Publishes summary.json and STATUS= when something changed (bursts are
    /// coalesced into one update per 100 ms); idle, it does not wake up.
    private func publishStatus(manager: DropManager, statusLine: StatusLine) async {
        var lastStatus = ""
        for await _ in manager.changes {
            try? await Task.sleep(for: .milliseconds(100))
            await manager.flushSummary()
            let line = await statusLine.text()
            if line != lastStatus {
                lastStatus = line
                _ = notifier.status(line)
            }
        }
    }

    /// Pings the watchdog every `watchdogInterval` (half of WATCHDOG_USEC) while
    /// no worker has been stuck on one report for longer than that; a wedged
    /// worker stops the pings so systemd restarts the service.
    private func pingWatchdog(health: WorkerHealth) async {
        guard let interval = notifier.watchdogInterval else { return }
        var wedgeReported = false
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            if health.isHealthy(limit: interval) {
                _ = notifier.watchdog()
                wedgeReported = false
            } else if !wedgeReported {
                wedgeReported = true
                logger.error("a validation worker is wedged; withholding watchdog pings")
            }
        }
    }

    private func reloadConfiguration(_ box: ConfigBox, manager: DropManager, watcher: TreeWatcher, journal: VerdictJournal) async {
        _ = notifier.reloading()
        do {
            var fresh = try await reload()
            fresh.drops = fresh.drops.map { DropFolder(name: $0.name, path: PathNormalizer.absolute($0.path)) }
            let old = await box.get()
            for drop in fresh.drops where !old.drops.contains(drop) {
                try? Directories.create(drop.path)
            }
            await manager.reconfigure(fresh.drops)
            for drop in old.drops where !fresh.drops.contains(where: { $0.path == drop.path }) {
                watcher.removeRoot(drop.path)
            }
            for drop in fresh.drops where !old.drops.contains(where: { $0.path == drop.path }) {
                watcher.addRoot(drop.path)
            }
            try await journal.reopen()
            await box.set(fresh)
            observer.notice(.reloaded(drops: fresh.drops))
        } catch {
            logger.error("reload failed, keeping the previous configuration: \(error)")
            observer.notice(.failure("reload failed, keeping the previous configuration: \(error)"))
        }
        _ = notifier.ready()
    }
}

/// The configuration in force, replaced on reload.
actor ConfigBox {
    private var value: DaemonConfiguration
    init(_ value: DaemonConfiguration) { self.value = value }
    func get() -> DaemonConfiguration { value }
    func set(_ new: DaemonConfiguration) { value = new }
}

/// The one-line live summary for STATUS=.
struct StatusLine: Sendable {
    let manager: DropManager
    /// The configuration in force: the folder count follows reloads.
    let config: ConfigBox

    func text() async -> String {
        let drops = await config.get().drops.count
        let summary = await manager.summary()
        let backlog = await manager.backlog()
        if let held = await manager.storageBacklog {
            return "磁盘空间不足：\(held) 份报告待写入 · watching \(drops) folder\(drops == 1 ? "" : "s") · queue \(backlog)"
        }
        return "watching \(drops) folder\(drops == 1 ? "" : "s") · \(summary.line) · queue \(backlog)"
    }
}
