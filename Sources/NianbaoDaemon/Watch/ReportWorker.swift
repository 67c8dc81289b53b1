import Dispatch
import NianbaoEngine
import NianbaoFormats
import NianbaoPlatform
import Synchronization

/// Reads and judges one job at a time: never follows a symlink, never blocks on
/// a FIFO, never reads past the size limit.
///
/// A document read or converted by a bounded child process (PDF, .doc …) is
/// handed to a child slot and the worker goes on with the next job, so slow
/// documents never hold up the others; the child's own timeout bounds it.
public struct ReportWorker: Sendable {
    let checker: ReportChecker
    let maxBytes: Int
    let manager: DropManager
    let health: WorkerHealth
    let index: Int
    /// Reports being judged, so a file that kills the daemon is not retried forever.
    let attempts: AttemptLog
    /// Limits how many child processes run at once (shared by all workers).
    let childSlots: ChildSlots

    /// Processes jobs until the queue is closed and drained, then waits for its children.
    public func run(_ queue: JobQueue<Job>) async {
        await withTaskGroup(of: Void.self) { children in
            while let job = await queue.take() {
                health.begin(index)
                let judge = await prepare(job)
                if let judge, !judge.isolated { await judge.run() }
                health.end(index)
                // Waiting for a free child slot is not work: the watchdog does not count it.
                if let judge, judge.isolated {
                    await childSlots.acquire()
                    children.addTask {
                        await judge.run()
                        await childSlots.release()
                    }
                }
            }
        }
    }

    /// A report ready to be judged.
    struct Judgement: Sendable {
        /// Whether a bounded child process reads it.
        var isolated: Bool
        var run: @Sendable () async -> Void
    }

    /// Handles the job up to judging; returns the judging step, or nil when done already.
    func prepare(_ job: Job) async -> Judgement? {
        DebugHooks.wedgeIfRequested(job.path)
        switch SafeFileReader().read(path: job.path, within: job.root, maxBytes: maxBytes) {
        case .content(let bytes, _):
            let sha = ContentHash.sha256(bytes)
            guard await manager.needsVerdict(job.key, sha256: sha, firstCode: nil) else {
                await manager.commit(job, record: nil)
                return nil
            }
            let attempt = AttemptLog.Attempt(key: job.key, sha256: sha)
            let earlier = attempts.attempts(attempt)
            guard earlier < AttemptLog.maxAttempts else {
                attempts.settled(attempt)
                let message = "核查程序在处理此文件时已连续 \(earlier) 次异常终止，不再重试；请更换文件后重新提交，并告知运维人员"
                await manager.commit(job, record: checker.refusal(path: job.path, code: .checkCrashed, message: message, sha256: sha))
                return nil
            }
            let format = DocumentFormat.detect(bytes, fileName: job.path)
            attempts.begin(attempt)
            let (checker, manager, attempts) = (checker, manager, attempts)
            return Judgement(isolated: format.isIsolated || format.needsConversion) {
                // Judged off the cooperative thread pool: a report waiting for a child
                // process never holds up the event loop, the status or the watchdog.
                let record = await BlockingWork.run { checker.check(bytes: bytes, path: job.path) }
                if ChildRegistry.shared.isStopping,
                   record.findings.contains(where: { $0.code == RuleCode.parserCrashed.rawValue || $0.code == RuleCode.inputTimeout.rawValue }) {
                    // Cancelled by the stop, not the file's fault: judged again at the next start.
                    attempts.cancel(attempt)
                    await manager.commit(job, record: nil)
                    return
                }
                attempts.settled(attempt)
                await manager.commit(job, record: record)
            }
        case .refused(let refusal):
            await refused(job, refusal)
        }
        return nil
    }

    private func refused(_ job: Job, _ refusal: SafeReadRefusal) async {
        let code: RuleCode
        let message: String
        switch refusal {
        case .vanished:
            await manager.commit(job, record: nil)
            return
        case .changedWhileReading:
            await manager.commit(job, record: nil)
            await manager.fileWritten(job.path)
            return
        case .notRegularFile(let kind) where kind == .directory:
            await manager.commit(job, record: nil)
            return
        case .notRegularFile(let kind):
            code = .inputUnreadable
            message = "不是普通文件（\(kind)），不予读取；请以普通文件提交年报"
        case .outsideRoot:
            code = .inputUnreadable
            message = "路径经符号链接指向投递目录之外，不予读取"
        case .tooLarge(let size, let limit):
            code = .inputTooLarge
            message = "文件过大：\(size) 字节，上限 \(limit) 字节；请压缩图片或拆分附件后重新提交"
        case .permissionDenied:
            code = .inputUnreadable
            message = "无权读取该文件（权限不足），请检查文件权限"
        case .ioError(let errno):
            code = .inputUnreadable
            message = "读取文件出错（errno \(errno)）"
        }
        guard await manager.needsVerdict(job.key, sha256: "", firstCode: code.rawValue) else {
            await manager.commit(job, record: nil)
            return
        }
        await manager.commit(job, record: checker.refusal(path: job.path, code: code, message: message))
    }
}

/// Tracks what each worker is doing so the watchdog can tell a wedged worker
/// from an idle one, or from one waiting for a bounded child process.
public final class WorkerHealth: Sendable {
    private struct Slot {
        var since: ContinuousClock.Instant
    }

    private let slots: Mutex<[Slot?]>

    public init(workers: Int) {
        slots = Mutex(Array(repeating: nil, count: workers))
    }

    func begin(_ index: Int) { slots.withLock { $0[index] = Slot(since: .now) } }
    func end(_ index: Int) { slots.withLock { $0[index] = nil } }
    /// Whether every busy worker started its current job less than `limit` ago. (A job
    /// handed to a child process is not the worker's: the child's timeout bounds it.)
    public func isHealthy(limit: Duration) -> Bool {
        let now = ContinuousClock.now
        return slots.withLock { slots in
            slots.allSatisfy { slot in slot.map { now - $0.since < limit } ?? true }
        }
    }
}

/// Bounds the number of child processes running at once.
public actor ChildSlots {
    private var free: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init(_ count: Int) { free = max(1, count) }

    func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { free += 1 } else { waiters.removeFirst().resume() }
    }
}

/// Runs blocking work (extraction, child processes) on a Dispatch thread and
/// resumes the caller when it is done, keeping Swift's cooperative pool free.
enum BlockingWork {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
