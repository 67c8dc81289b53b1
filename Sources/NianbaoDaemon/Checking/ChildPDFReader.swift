import NianbaoEngine
import NianbaoFormats
import NianbaoPlatform
#if canImport(Glibc)
import Glibc
#endif

/// Reads PDFs in child processes: `nianbao extract-child pdf --serve`, started
/// through `prlimit` (address space, file size 0, a lifetime CPU cap) in a session
/// of its own, locked down by its seccomp filter before it reads anything. A child
/// reads many documents in turn (the daemon passes the bytes it already read
/// through its O_NOFOLLOW walk, and reads the lines back over a socket pair); each
/// document has its own CPU budget (the child moves its soft RLIMIT_CPU on) and its
/// own wall-clock deadline, after which the child's process group is killed. A
/// crash or a hang in poppler costs that one report a fail verdict, and the next
/// report gets a fresh child.
///
/// Copies share one pool of children (`Reuse`): a caller borrows an idle child or
/// starts one, so there are at most as many children as concurrent callers.
public struct ChildPDFReader: IsolatedReader {
    /// How long children live and how they are reused.
    public struct Reuse: Sendable, Hashable {
        /// Documents a child reads before it is replaced (bounds what poppler's caches
        /// and heap fragmentation can accumulate, and the lifetime CPU cap).
        public var documentsPerChild: Int
        /// How long a child may wait for work before it is stopped (an idle child
        /// costs no CPU, only its memory).
        public var idleTimeout: Duration
        /// Growth of a child's address space since its first document past which it
        /// is replaced (at most an eighth of the address-space limit is allowed), so
        /// each document keeps about the whole address-space budget.
        public var memoryGrowthBytes: Int

        /// The defaults: 64 documents per child, stopped after 60 s idle, replaced after 64 MiB of growth.
        public init(documentsPerChild: Int = 64, idleTimeout: Duration = .seconds(60), memoryGrowthBytes: Int = 64 << 20) {
            self.documentsPerChild = max(1, documentsPerChild)
            self.idleTimeout = idleTimeout
            self.memoryGrowthBytes = memoryGrowthBytes
        }
    }

    /// The nianbao executable to run as the child.
    public let executable: String
    /// The budget of each document (CPU seconds and wall clock), and of each child's address space.
    public let limits: BoundedProcess.Limits
    private let pool: ReaderChildPool

    /// - Parameters:
    ///   - executable: nil runs this very program, as `/proc/PID/exe` (which still
    ///     works after the binary on disk is replaced by an upgrade).
    ///   - limits: each document's budget.
    ///   - reuse: how many documents a child reads and how long it waits idle.
    public init(executable: String? = nil, limits: BoundedProcess.Limits = ChildPDFReader.defaultLimits,
                reuse: Reuse = Reuse()) {
        self.executable = executable ?? "/proc/\(getpid())/exe"
        self.limits = limits
        pool = ReaderChildPool(
            executable: self.executable, arguments: ["extract-child", "pdf", "--serve", "--cpu-seconds", "\(limits.cpuSeconds)"],
            // No Swift backtracer in the child: a crash ends it at once, as the signal says.
            environment: ["LANG=C.UTF-8", "PATH=/usr/bin:/bin", "SWIFT_BACKTRACE=enable=no", "OMP_THREAD_LIMIT=1"],
            limits: limits, reuse: reuse)
    }

    /// Default budget: 30 s of CPU (a scanned page costs about 2.3 s of OCR) and 60 s of wall
    /// clock (a loaded host stretches it), 512 MiB of address space, no files written.
    public static let defaultLimits = BoundedProcess.Limits(
        cpuSeconds: 30, addressSpaceBytes: 512 << 20, fileSizeBytes: 0, timeout: .seconds(60))

    /// Most output accepted from the child (the extractor's own line limit keeps real output far below).
    static let maxOutput = 256 << 20

    /// Child processes started so far by this reader and its copies.
    public var childrenStarted: Int { pool.started }

    /// The process ids of this reader's live children, busy and idle.
    public var childProcessIDs: [pid_t] { pool.processIDs }

    /// The process ids of the children stopped (and reaped) after `idleTimeout` without work, the latest 64.
    public var idleStoppedProcessIDs: [pid_t] { pool.stoppedIdleProcessIDs }

    public func read(_ bytes: [UInt8], format: DocumentFormat) -> IsolatedReading {
        let deadline = ContinuousClock().now + limits.timeout
        let name = Array(format.rawValue.utf8)
        let request = [[UInt8(name.count)] + name, bytes]
        var fresh = false
        while true {
            var lent: ReaderChildPool.Lent
            switch pool.checkout(fresh: fresh) {
            case .failed(let outcome): return .refused(finding(outcome, format: format))
            case .lent(let child): lent = child
            }
            switch lent.child.exchange(request, deadline: deadline, maxReply: Self.maxOutput) {
            case .reply(let reply):
                guard let reading = IsolatedReadingCodec.decode(reply) else {
                    lent.child.stop()
                    pool.discard(lent)
                    return .refused(Finding(.parserCrashed, "\(format.displayName)读取程序返回的结果不完整；文件可能已损坏"))
                }
                pool.checkin(lent)
                return reading
            case .notAccepted:
                // The child died idle (or while taking the document in): not the document's
                // fault. Once more with a new child; a new child that dies at once is broken.
                pool.discard(lent)
                if fresh || ChildRegistry.shared.isStopping {
                    return .refused(finding(ChildRegistry.shared.isStopping ? .cancelled : .exited(-1), format: format))
                }
                fresh = true
            case .ended(let outcome):
                pool.discard(lent)
                return .refused(finding(outcome, format: format))
            case .malformed:
                pool.discard(lent)
                return .refused(Finding(.parserCrashed, "\(format.displayName)读取程序返回的结果格式错误；文件可能已损坏"))
            }
        }
    }

    private func finding(_ outcome: BoundedProcess.Outcome, format: DocumentFormat) -> Finding {
        ChildOutcomeFinding.finding(outcome, format: format, action: "读取", limits: limits)
            ?? Finding(.parserCrashed, "\(format.displayName)读取程序异常退出（\(outcome)），未返回完整结果；文件可能已损坏")
    }
}
