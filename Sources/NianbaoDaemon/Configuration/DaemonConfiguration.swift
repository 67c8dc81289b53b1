import NianbaoOffice
import NianbaoPlatform

/// Everything `nianbao watch` needs to run, after the configuration file and
/// the command-line flags have been merged and validated.
public struct DaemonConfiguration: Sendable, Hashable {
    /// Drop folders to watch, with unique names.
    public var drops: [DropFolder]
    /// `<status-dir>/<drop>/<relative-path>.json` and `<status-dir>/summary.json`.
    public var statusDirectory: String
    /// The append-only verdict journal (JSON Lines).
    public var journalFile: String
    /// The office's review marks (`state.marksFile`); nil: ``marksPath``'s default.
    public var marksFile: String?
    /// The active journal file is rotated to numbered segments at a checkpoint once
    /// larger than this (`journal.maxBytes`, default 256 MiB).
    public var journalMaxBytes = 256 << 20
    /// Numbered journal segments kept after rotation (`journal.keep`, default 4).
    public var journalKeep = 4
    /// Durable journal lines between two checkpoints of the state (no configuration key).
    public var checkpointEvery = 1000
    /// How long a file written by close-write must stay unchanged before it is judged.
    public var settle: Duration
    /// Files larger than this get a fail verdict without being read.
    public var maxFileBytes: Int
    /// Number of validation workers (0 in the file means: number of cores).
    public var workers: Int
    /// Print each verdict on standard output (the default when run by hand).
    public var printVerdicts: Bool
    /// Create missing drop folders at start (otherwise a missing one is an error).
    public var createDrops = false
    /// The first delay before a report whose verdict was a failure of the host is
    /// judged again (`watch.retrySeconds`; doubled after each such verdict, up to 1 h).
    public var hostRetrySeconds = 30
    /// Wall-clock seconds a legacy-document conversion (.doc/.wps/.rtf/.odt) may take.
    public var convertTimeoutSeconds = 12
    /// Address space a conversion may use, in MiB.
    public var convertMemoryMegabytes = 1024
    /// Conversions running at once (`convert.parallel`; 0 in the file means
    /// `LibreOfficeRun.defaultParallel`, from the cores and the memory).
    public var convertParallel = LibreOfficeRun.defaultParallel

    /// The roster file (`roster`, `--roster`): the agencies whose reports are expected.
    public var rosterFile: String?
    /// The roster read from `rosterFile`, validated (nil without a roster file).
    public var roster: Roster?
    /// The node_exporter textfile (`output.metricsFile`); nil: `<status directory>/nianbao.prom`.
    public var metricsFile: String?
    /// Whether `<status directory>/index.html` is written (`output.dashboard`).
    public var dashboard = true
    /// Shortest time between two writes of the derived outputs while reports wait to
    /// be judged (no configuration key: tests lengthen it to tell a deferred write
    /// from a slow machine).
    public var backlogOutputsInterval = Duration.seconds(10)
    /// How drop folders are watched: inotify, polling, or both (`watch.mode`, `watch.pollSeconds`, `watch.dropModes`).
    public var watching = WatchModeSettings()
    /// `watching` with the settle time the pollers must span.
    var watchingSettings: WatchModeSettings {
        var settings = watching
        settings.settle = settle
        return settings
    }
    /// Where receipts for the uploaders are written (`state.receiptDirectory`); nil: none.
    public var receiptDirectory: String?

    /// CPU seconds (and twice as many wall-clock seconds) the isolated PDF reader may take for one document
    /// (a scan is read by OCR at about 2.3 s of CPU a page).
    public var parseTimeoutSeconds = 30
    /// Address space the isolated PDF reader may use, in MiB.
    public var parseMemoryMegabytes = 512

    /// The marks file in force: `state.marksFile`, else `marks.jsonl` beside the journal.
    public var marksPath: String {
        marksFile ?? MarksFile.defaultPath(journal: journalFile)
    }

    /// The isolated PDF reader's resource budget (it may write no file): `parse.timeoutSeconds`
    /// of CPU, and twice that of wall clock (a loaded host must not turn a long scan into a
    /// timeout; the CPU budget is what stops a crafted document).
    public var parseLimits: BoundedProcess.Limits {
        BoundedProcess.Limits(cpuSeconds: parseTimeoutSeconds, addressSpaceBytes: parseMemoryMegabytes << 20,
                              fileSizeBytes: 0, timeout: .seconds(parseTimeoutSeconds * 2))
    }

    /// The converter's resource budget.
    public var convertLimits: BoundedProcess.Limits {
        BoundedProcess.Limits(cpuSeconds: convertTimeoutSeconds, addressSpaceBytes: convertMemoryMegabytes << 20,
                              fileSizeBytes: 64 << 20, timeout: .seconds(convertTimeoutSeconds))
    }

    public init(
        drops: [DropFolder] = [DropFolder(name: "drop", path: "./drop")],
        statusDirectory: String = "./state/status",
        journalFile: String = "./state/verdicts.jsonl",
        settle: Duration = .milliseconds(200),
        maxFileBytes: Int = 50 << 20,
        workers: Int = DaemonConfiguration.cores,
        printVerdicts: Bool = true
    ) {
        self.drops = drops
        self.statusDirectory = statusDirectory
        self.journalFile = journalFile
        self.settle = settle
        self.maxFileBytes = maxFileBytes
        self.workers = workers
        self.printVerdicts = printVerdicts
    }

    /// The number of online CPUs.
    public static var cores: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// Checks cross-field constraints: unique drop names, no drop folder inside another.
    public func validated() throws(ConfigurationError) -> DaemonConfiguration {
        guard !drops.isEmpty else { throw ConfigurationError(key: "drops", reason: "at least one drop folder is required") }
        var names = Set<String>()
        for drop in drops where !names.insert(drop.name).inserted {
            throw ConfigurationError(key: "drops", reason: "two drop folders are named \"\(drop.name)\"; give one a name with NAME=PATH")
        }
        let paths = drops.map { CanonicalPath.trimmed($0.path) + "/" }
        for (i, a) in paths.enumerated() {
            for (j, b) in paths.enumerated() where i != j && b.hasPrefix(a) {
                throw ConfigurationError(key: "drops", reason: "drop folder \(drops[j].path) lies inside \(drops[i].path)")
            }
        }
        return self
    }
}

#if canImport(Glibc)
import Glibc
#endif
