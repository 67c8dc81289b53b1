import Logging
import NianbaoPlatform
import ServiceLifecycle
import UnixSignals

/// `nianbao watch`: the drop-folder daemon as a swift-service-lifecycle `Service`.
///
/// Start-up (``StartupState``): open the verdict journal (repairing a torn tail),
/// read the checkpoint and the journal after it, reconcile the status directory,
/// arm every watch; the initial scans queue the
/// start-up reconciliation, then READY=1. The running daemon is ``DropLoop``
/// around ``DaemonState``. SIGHUP reloads the configuration; SIGTERM kills helper
/// processes, drops queued reports (judged at the next start) and exits.
public final class WatchDaemon: Service, Sendable {
    private let initial: DaemonConfiguration
    private let reload: @Sendable () async throws -> DaemonConfiguration
    private let seams: DaemonSeams
    private let logger: Logger

    /// - Parameters:
    ///   - configuration: the validated configuration to start with.
    ///   - reload: re-reads the configuration on SIGHUP.
    ///   - seams: the checker, file reader, notifier, clock and observer.
    public init(
        configuration: DaemonConfiguration, reload: @escaping @Sendable () async throws -> DaemonConfiguration,
        seams: DaemonSeams, logger: Logger
    ) {
        self.initial = configuration
        self.reload = reload
        self.seams = seams
        self.logger = logger
    }

    public func run() async throws {
        var config = initial
        config.drops = config.drops.map { DropFolder(name: $0.name, path: CanonicalPath.absolute($0.path)) }
        let status = StatusDirectory(root: CanonicalPath.absolute(config.statusDirectory))
        // Start-up reads the checkpoint and the journal after it on a Dispatch thread;
        // SIGTERM meanwhile ends it promptly, before READY=1, writing nothing.
        let stop = StartupStop()
        let notifier = seams.notifier
        notifier.status("starting: reading the checkpoint and the verdict journal")
        // A long first start (a journal of an earlier version is read whole once) keeps
        // systemd's start timeout moving.
        let extender = Task {
            while (try? await Task.sleep(for: .seconds(5))) != nil { notifier.extendTimeout(usec: 30_000_000) }
        }
        let loaded = await withGracefulShutdownHandler {
            await BlockingWork.run { [config] in Result { try StartupState.load(config, status: status, shouldStop: stop.isSet) } }
        } onGracefulShutdown: {
            stop.set()
        }
        extender.cancel()
        let start: StartupState
        do {
            start = try loaded.get()
        } catch is StartupStopped {
            logger.notice("stopped during start-up")
            return
        }
        if stop.isSet() {
            logger.notice("stopped during start-up")
            return
        }
        var notices = start.notices
        let reconciled = await Self.reconcile(
            status, with: start.current, drops: config.drops.map(\.name), journal: start.journal.path)
        notices += reconciled.notices
        var initial: [DaemonInput] = reconciled.untabled.isEmpty ? [] : [.drop(.rejudge(reconciled.untabled))]
        let receipts = config.receiptDirectory.map { ReceiptWriter(directory: CanonicalPath.absolute($0)) }
        if let receipts {
            // Receipts an older layout (or a removed report) left are removed; missing or stale ones written once running.
            let (write, error) = await BlockingWork.run { [current = start.current] in ReceiptRebuild.run(receipts, current: current) }
            if let error { notices.append(.failure(error)) }
            if !write.isEmpty { initial.append(.writeReceipts(write)) }
        }

        // Trap SIGHUP before READY=1: a reload may follow READY=1 at once, and
        // SIGHUP's default action would kill the daemon.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let watcher = DropWatchers(drops: config.drops, settings: config.watchingSettings)
        try watcher.start()
        let judge = ReportJudge(checker: seams.checker, files: seams.files, maxBytes: config.maxFileBytes, attempts: start.attempts,
            helpers: seams.helpers)
        var settings = DropState.Settings(settle: config.settle, workers: config.workers)
        settings.checkpointEvery = config.checkpointEvery
        settings.hostRetryFirst = .seconds(config.hostRetrySeconds)
        let state = DropState(
            drops: config.drops, current: start.current, settings: settings, arrivals: start.replay.arrivals,
            nextSequence: start.replay.nextSeq)
        let outputs = DerivedOutputs(
            statusDirectory: status, metricsFile: CanonicalPath.absolute(config.metricsFile ?? status.root + "/nianbao.prom"),
            dashboard: config.dashboard)
        let marks = try MarksSource(path: CanonicalPath.absolute(config.marksPath))
        let (initialMarks, marksNotice) = marks.read()
        if let marksNotice { notices.append(marksNotice) }
        if let unwatched = marks.unwatchedNotice { notices.append(unwatched) }
        let parts = DropLoop.Parts(
            seams: seams, judge: judge, journal: start.journal, status: status, watcher: watcher, reload: reload, logger: logger,
            outputs: outputs, receipts: receipts, marks: marks, checkpointer: start.checkpointer, journalClock: start.clock)
        await DropLoop(parts: parts, state: state, config: config)
            .run(hangups: hangups, notices: notices, marks: initialMarks ?? ReviewMarks(), initial: initial)
    }

    /// Makes the status directory agree with the journal (after a crash between
    /// a journal write and its status file, or a directory deleted while stopped), and
    /// writes a fresh summary. Returns the failure to tell, if any, and the reports
    /// to judge again (written without tables: their journal line is gone). A status
    /// file that is not where the layout puts its report (an older layout's) or names
    /// no current report is removed, and the report's file written where it belongs
    /// (``StatusRebuild``).
    static func reconcile(
        _ status: StatusDirectory, with current: [ReportKey: VerdictRecord], drops: [String], journal: String
    ) async -> (notices: [DaemonNotice], untabled: Set<ReportKey>) {
        let (failures, untabled) = await BlockingWork.run {
            StatusRebuild.run(status, current: current, drops: drops, updated: DropLoop.wallTime(), journal: journal)
        }
        return (failures.firstError.map { [.failure($0)] } ?? [], untabled)
    }
}
