import Logging
import NianbaoPlatform
import ServiceLifecycle
import UnixSignals

/// `nianbao watch`: the drop-folder daemon as a swift-service-lifecycle `Service`.
///
/// Start-up: replay the verdict journal, open it (repairing a torn tail),
/// reconcile the status directory, arm every watch; the initial scans queue the
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
        let journalPath = CanonicalPath.absolute(config.journalFile)
        let replay = try JournalReplay.replay(path: journalPath)
        let journal = try VerdictJournal(path: journalPath)
        // What start-up finds is told by the loop, like every notice (and listed on the page).
        var notices: [DaemonNotice] = []
        if !journal.repairedTail.isEmpty {
            notices.append(.journalRepaired(path: journalPath, bytes: journal.repairedTail.count))
        }
        if replay.unreadableLines > 0 {
            notices.append(.journalUnreadableLines(path: journalPath, lines: replay.unreadableLines))
        }
        let current = replay.current(status: status.allRecords(), drops: config.drops)
        let attempts = try AttemptLog(path: journalPath + ".attempts") { attempt in
            current[attempt.key]?.sha256 == attempt.sha256
        }
        notices += await Self.reconcile(status, with: current, drops: config.drops.map(\.name))

        // Trap SIGHUP before READY=1: a reload may follow READY=1 at once, and
        // SIGHUP's default action would kill the daemon.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let watcher = TreeWatcher(roots: config.drops.map(\.path))
        try watcher.start()
        let judge = ReportJudge(checker: seams.checker, files: seams.files, maxBytes: config.maxFileBytes, attempts: attempts,
            helpers: seams.helpers)
        let state = DropState(
            drops: config.drops, current: current, settings: .init(settle: config.settle, workers: config.workers))
        let outputs = DerivedOutputs(
            statusDirectory: status, metricsFile: CanonicalPath.absolute(config.metricsFile ?? status.root + "/nianbao.prom"),
            dashboard: config.dashboard)
        let receipts = config.receiptDirectory.map { ReceiptWriter(directory: CanonicalPath.absolute($0)) }
        let parts = DropLoop.Parts(
            seams: seams, judge: judge, journal: journal, status: status, watcher: watcher, reload: reload, logger: logger, outputs: outputs, receipts: receipts)
        await DropLoop(parts: parts, state: state, config: config).run(hangups: hangups, notices: notices)
    }

    /// Makes the status directory agree with the journal (after a crash between
    /// a journal write and its status file), and writes a fresh summary. Returns
    /// the failure to tell, if any.
    static func reconcile(_ status: StatusDirectory, with current: [ReportKey: VerdictRecord], drops: [String]) async -> [DaemonNotice] {
        let failures = await BlockingWork.run {
            let onDisk = status.allRecords()
            var changes: [ReportKey: StatusBatch.Change] = [:]
            for (key, record) in current where onDisk[key]?.sha256 != record.sha256 || onDisk[key]?.time != record.time {
                changes[key] = .write(line: JSONLine.bytes(record))
            }
            for key in onDisk.keys where current[key] == nil { changes[key] = .remove }
            let summary = Summary(records: current, drops: drops, updated: DropLoop.wallTime())
            return StatusBatch.write(changes, summary: summary, to: status)
        }
        return failures.firstError.map { [.failure($0)] } ?? []
    }
}
