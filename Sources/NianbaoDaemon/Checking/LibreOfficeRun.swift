import Foundation
import NianbaoPlatform

/// One LibreOffice conversion as both converters run it (Writer for legacy documents,
/// Calc for the export's workbook): soffice.bin as a child process in its own session
/// under `prlimit` and a wall-clock timeout, in a private temporary directory with a
/// fresh profile, removed afterwards, started again when it exits 81 after making
/// that profile.
///
/// A conversion that crashes (a signal other than the CPU and file-size limits, an
/// abnormal exit status) is tried again in a fresh process with a fresh profile, after
/// a back-off, up to `retry.attempts` times: LibreOffice also crashes for reasons that
/// are not the document's (load, memory). Only a conversion that crashes on every
/// attempt is reported as crashed. One over its time or CPU budget is not tried again.
/// At most `gate.capacity` conversions run at once; the others wait their turn.
public struct LibreOfficeRun: Sendable {
    /// How often a crashing conversion is tried, and the pause before each further try.
    public struct Retry: Sendable, Hashable {
        /// Attempts in all (at least 1).
        public var attempts: Int
        /// The pause before the second attempt; doubled before each one after it.
        public var firstBackOff: Duration

        public init(attempts: Int, firstBackOff: Duration) {
            self.attempts = max(1, attempts)
            self.firstBackOff = firstBackOff
        }

        /// Three attempts, 0.5 s and 1 s apart.
        public static let standard = Retry(attempts: 3, firstBackOff: .milliseconds(500))

        /// The pause after failed attempt `attempt` (1-based).
        func backOff(after attempt: Int) -> Duration { firstBackOff * (1 << min(attempt - 1, 16)) }
    }

    /// How a conversion ended.
    public enum Result: Sendable, Equatable {
        /// The output file's bytes.
        case converted([UInt8])
        /// LibreOffice ended normally without writing the output (it could not load the input).
        case noOutput(log: String)
        /// Over its time or CPU budget, cancelled by the daemon's stop, or not started:
        /// not tried again.
        case stopped(BoundedProcess.Outcome, log: String)
        /// Crashed on every one of `attempts` attempts; `outcome` is the last one's.
        case crashed(BoundedProcess.Outcome, attempts: Int, log: String)
        /// The work directory could not be made or the input not written (English).
        case unprepared(String)
    }

    /// soffice.bin's exit status after it created a fresh profile and wants to be started again.
    static let restartRequested: Int32 = 81

    /// The program run (soffice.bin, or a stand-in in tests).
    public let executable: String
    /// The budget of one attempt.
    public let limits: BoundedProcess.Limits
    /// Where the work directories are made.
    public let temporaryDirectory: String
    /// Conversions running at once.
    public let gate: FairGate
    /// Attempts and back-off for a crashing conversion.
    public let retry: Retry

    public init(executable: String, limits: BoundedProcess.Limits, temporaryDirectory: String,
                gate: FairGate = LibreOfficeRun.sharedGate, retry: Retry = .standard) {
        self.executable = executable
        self.limits = limits
        self.temporaryDirectory = temporaryDirectory
        self.gate = gate
        self.retry = retry
    }

    /// Conversions a machine runs at once by default: one per core, and no more than
    /// one per 1.5 GiB of physical memory (LibreOffice with the CJK fonts mapped), at least 1.
    public static var defaultParallel: Int {
        let pages = max(0, sysconf(Int32(_SC_PHYS_PAGES)))
        let memory = pages * max(0, sysconf(Int32(_SC_PAGESIZE)))
        let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        return max(1, min(cores, memory / (3 << 29)))
    }

    /// The gate of the conversions of this process that are not given one (the
    /// one-shot commands); the daemon makes its own of `convert.parallel` places.
    public static let sharedGate = FairGate(capacity: defaultParallel)

    /// Converts `input`, written as `inputName` into a work directory, with LibreOffice
    /// given `arguments(work)` after its profile option; the result is `out/<outputName>`
    /// of the work directory.
    public func run(_ input: [UInt8], inputName: String, outputName: String,
                    arguments: (_ work: String) -> [String]) -> Result {
        var attempt = 1
        while true {
            let result = gate.withPlace { once(input, inputName: inputName, outputName: outputName, arguments: arguments) }
            guard case .crashed(let outcome, _, let log) = result else { return result }
            guard attempt < retry.attempts else { return .crashed(outcome, attempts: attempt, log: log) }
            var pause = timespec(retry.backOff(after: attempt))
            var rest = timespec()
            while nanosleep(&pause, &rest) != 0 && errno == EINTR { pause = rest }
            attempt += 1
        }
    }

    /// One attempt in a fresh work directory (a crash counts as one attempt).
    private func once(_ input: [UInt8], inputName: String, outputName: String, arguments: (String) -> [String]) -> Result {
        var template = Array("\(temporaryDirectory)/nianbao-office-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            return .unprepared("cannot create a temporary directory (errno \(errno))")
        }
        let work = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: work) }
        guard FileManager.default.createFile(atPath: "\(work)/\(inputName)", contents: Data(input),
                                             attributes: [.posixPermissions: 0o600]) else {
            return .unprepared("cannot write \(work)/\(inputName)")
        }
        let argv = ["-env:UserInstallation=file://\(work)/profile"] + arguments(work)
        let environment = ["HOME=\(work)", "TMPDIR=\(work)", "PATH=/usr/bin:/bin", "LANG=C.UTF-8", "SAL_USE_VCLPLUGIN=svp"]
        let logPath = "\(work)/converter.log"
        let clock = ContinuousClock()
        let deadline = clock.now + limits.timeout
        var outcome = BoundedProcess(limits: limits).run(executable, argv, environment: environment, logPath: logPath)
        if outcome == .exited(Self.restartRequested), clock.now < deadline {
            // First start with a fresh profile: run again within what is left of the budget.
            var rest = limits
            rest.timeout = deadline - clock.now
            outcome = BoundedProcess(limits: rest).run(executable, argv, environment: environment, logPath: logPath)
        }
        let log = (try? String(contentsOfFile: logPath, encoding: .utf8)).map { String($0.suffix(2000)) } ?? ""
        let ended = Self.budgetOutcome(outcome, log: log)
        if ended == .exited(0) {
            guard let data = FileManager.default.contents(atPath: "\(work)/out/\(outputName)"), !data.isEmpty else {
                return .noOutput(log: log)
            }
            return .converted([UInt8](data))
        }
        return Self.isCrash(ended) ? .crashed(ended, attempts: 1, log: log) : .stopped(ended, log: log)
    }

    /// The outcome as the budget sees it. LibreOffice catches SIGXCPU, prints "Fatal
    /// exception: Signal 24" and aborts: that is its CPU limit, not a crash. A spawn
    /// refused because the daemon is stopping is a cancellation.
    static func budgetOutcome(_ outcome: BoundedProcess.Outcome, log: String) -> BoundedProcess.Outcome {
        switch outcome {
        case .signaled(SIGABRT) where log.contains("Fatal exception: Signal \(SIGXCPU)"):
            return .signaled(SIGXCPU)
        case .signaled(SIGABRT) where log.contains("Fatal exception: Signal \(SIGXFSZ)"):
            return .signaled(SIGXFSZ)
        case .spawnFailed(ECANCELED):
            return .cancelled
        default:
            return outcome
        }
    }

    /// Whether an attempt that ended so may have failed for reasons that are not the
    /// document's: killed by a signal other than its CPU and file-size limits, an
    /// abnormal exit status (81 twice included), or no process for the moment.
    static func isCrash(_ outcome: BoundedProcess.Outcome) -> Bool {
        switch outcome {
        case .exited(let status): return status != 0
        case .signaled(let signal): return signal != SIGXCPU && signal != SIGXFSZ
        case .spawnFailed(let error): return error == EAGAIN || error == ENOMEM
        case .timedOut, .cancelled: return false
        }
    }
}

private extension timespec {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self.init(tv_sec: Int(max(0, seconds)), tv_nsec: Int(max(0, attoseconds) / 1_000_000_000))
    }
}
