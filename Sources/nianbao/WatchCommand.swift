import ArgumentParser
import Logging
import NianbaoDaemon
import NianbaoPlatform
import ServiceLifecycle

/// `nianbao watch`: the drop-folder daemon.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch drop folders and judge every report that arrives.",
        discussion: """
        With no configuration at all, watches ./drop and writes ./state/status/ and \
        ./state/verdicts.jsonl, printing each verdict. Under systemd: \
        nianbao watch --config /etc/nianbao/nianbao.json. SIGHUP reloads the configuration and the roster; \
        SIGTERM stops at once: reports not yet judged are dropped (the next start judges \
        them), verdicts already made are written first; exit 0.
        """
    )

    @Option(help: "JSON configuration file (see etc/nianbao.json).")
    var config: String?

    @Option(name: .customLong("drop"), help: "A drop folder, as PATH or NAME=PATH (repeatable; overrides the file).")
    var drops: [String] = []

    @Option(name: .customLong("status-dir"), help: "Status directory (overrides the file).")
    var statusDir: String?

    @Option(help: "Verdict journal file, JSON Lines (overrides the file).")
    var journal: String?

    @Option(name: .customLong("marks-file"), help: "Review marks file, JSON Lines (overrides state.marksFile; default marks.jsonl beside the journal).")
    var marksFile: String?

    @Option(name: .customLong("settle-ms"), help: "Settle time after a close-write, in milliseconds.")
    var settleMilliseconds: Int?

    @Flag(name: .customLong("create-drops"), help: "Create drop folders that do not exist (otherwise that is an error).")
    var createDrops = false

    @Option(help: "Number of validation workers (0 or default: number of cores).")
    var workers: Int?

    @Flag(name: .customLong("quiet"), help: "Do not print verdicts on standard output.")
    var quiet = false

    @Option(help: "Roster CSV of the agencies expected to report (overrides the file's roster; re-read on SIGHUP).")
    var roster: String?

    @Option(name: .customLong("metrics-file"), help: "node_exporter textfile to write (overrides output.metricsFile; default <status-dir>/nianbao.prom).")
    var metricsFile: String?

    @Option(name: .customLong("receipt-dir"), help: "Receipts directory for the uploaders (overrides state.receiptDirectory).")
    var receiptDir: String?

    @Flag(name: .customLong("no-dashboard"), help: "Do not write <status-dir>/index.html (overrides output.dashboard).")
    var noDashboard = false

    func run() async throws {
        let destination = LoggingSetup.bootstrap(identifier: "nianbao")
        let logger = Logger(label: "nianbao")
        var overrides = ConfigurationLoader.Overrides()
        overrides.drops = drops
        overrides.statusDirectory = statusDir
        overrides.journalFile = journal
        overrides.marksFile = marksFile
        overrides.settleMilliseconds = settleMilliseconds
        overrides.workers = workers
        overrides.rosterFile = roster
        if createDrops { overrides.createDrops = true }
        overrides.metricsFile = metricsFile
        overrides.receiptDirectory = receiptDir
        if noDashboard { overrides.dashboard = false }
        let file = config
        let loaded: DaemonConfiguration
        do {
            loaded = try await ConfigurationLoader().load(file: file, overrides: overrides)
            try StartupCheck.verify(loaded)
        } catch {
            FileHandleOutput.standardError("nianbao: \(error)")
            throw ExitCode(2)
        }
        var observers: [any DaemonObserver] = []
        let printing = loaded.printVerdicts && !quiet
        if destination == .journal {
            observers.append(SystemdJournalObserver())
        } else {
            observers.append(LogObserver(logger: logger, logsVerdicts: !printing))
        }
        if printing { observers.append(TerminalObserver()) }
        let frozen = overrides
        let daemon = WatchDaemon(
            configuration: loaded,
            reload: { try await ConfigurationLoader().load(file: file, overrides: frozen) },
            seams: .production(loaded, observer: ObserverGroup(observers)),
            logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: daemon, successTerminationBehavior: .gracefullyShutdownGroup)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        do {
            try await group.run()
        } catch {
            FileHandleOutput.standardError("nianbao: \(error)")
            throw ExitCode(1)
        }
    }
}
