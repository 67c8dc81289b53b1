import NianbaoEngine
import NianbaoPlatform
import Synchronization

/// Judges a report's bytes. `ReportChecker` in production; tests inject their own.
public protocol ReportChecking: Sendable {
    /// Judges content already read and hashed; `path` is what the record names.
    func check(bytes: [UInt8], sha256: String, path: String) -> VerdictRecord
    /// Judges and also returns the parsed report (for the cross-year checks).
    func checkReport(bytes: [UInt8], sha256: String, path: String) -> (record: VerdictRecord, report: Report?)
}

extension ReportChecking {
    /// Without a parsed report, no cross-year checks are made.
    public func checkReport(bytes: [UInt8], sha256: String, path: String) -> (record: VerdictRecord, report: Report?) {
        (check(bytes: bytes, sha256: sha256, path: path), nil)
    }
}

/// Reads drop-folder files without following links (``SafeFileReader`` in production).
public protocol ReportFiles: Sendable {
    func read(path: String, within root: String, maxBytes: Int) -> SafeReadResult
    func identity(path: String) -> FileIdentity?
}

extension SafeFileReader: ReportFiles {}

/// The daemon's monotonic time, as ``Moment``s since it started.
public protocol DaemonClock: Sendable {
    var now: Moment { get }
    /// Sleeps until `moment` (throws when the task is cancelled).
    func sleep(until moment: Moment) async throws
}

/// ``DaemonClock`` on `ContinuousClock`.
public struct MonotonicClock: DaemonClock {
    private let start = ContinuousClock.now
    public init() {}
    public var now: Moment { ContinuousClock.now - start }
    public func sleep(until moment: Moment) async throws {
        try await Task.sleep(until: start + moment, clock: .continuous)
    }
}

/// What the daemon is built from besides its configuration: the parts tests replace.
public struct DaemonSeams: Sendable {
    public var checker: any ReportChecking
    public var files: any ReportFiles
    public var notifier: any ServiceNotifier
    public var clock: any DaemonClock
    public var observer: any DaemonObserver
    /// The helper processes, stopped at once when the daemon stops (the process-wide
    /// ``ChildRegistry`` in production; a daemon run inside a test process leaves the
    /// other tests' children alone).
    public var helpers: HelperProcesses

    public init(
        checker: any ReportChecking, files: any ReportFiles = SafeFileReader(),
        notifier: any ServiceNotifier = SystemdNotifier(), clock: any DaemonClock = MonotonicClock(),
        observer: any DaemonObserver, stopChildren: @escaping @Sendable () -> Void = { ChildRegistry.shared.stopAll() }
    ) {
        self.checker = checker
        self.files = files
        self.notifier = notifier
        self.clock = clock
        self.observer = observer
        self.helpers = HelperProcesses(stopAll: stopChildren)
    }

    /// The production parts: PDFs in bounded children, LibreOffice for legacy Word, sd_notify.
    public static func production(_ configuration: DaemonConfiguration, observer: any DaemonObserver) -> DaemonSeams {
        var checker = ReportChecker(
            convertLimits: configuration.convertLimits, convertParallel: configuration.convertParallel, pdfReader: ChildPDFReader(limits: configuration.parseLimits))
        checker.roster = configuration.roster
        return DaemonSeams(checker: checker, observer: observer)
    }
}

/// Stops the helper processes, and tells the workers that it did: a job cut
/// short by the stop is not the document's fault (``ReportJudge``). Set once,
/// by the loop's stop effect; never unset.
public final class HelperProcesses: Sendable {
    private let stopChildren: @Sendable () -> Void
    private let stopped = Atomic<Bool>(false)

    /// - Parameter stopAll: kills every helper process.
    public init(stopAll: @escaping @Sendable () -> Void) { stopChildren = stopAll }

    /// Whether ``stopAll()`` was called.
    public var isStopping: Bool { stopped.load(ordering: .acquiring) }

    public func stopAll() {
        stopped.store(true, ordering: .releasing)
        stopChildren()
    }
}
