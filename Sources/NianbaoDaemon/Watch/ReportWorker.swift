import NianbaoEngine
import NianbaoPlatform
import Synchronization

/// Reads and judges one job at a time: never follows a symlink, never blocks on
/// a FIFO, never reads past the size limit.
public struct ReportWorker: Sendable {
    let checker: ReportChecker
    let maxBytes: Int
    let manager: DropManager
    let health: WorkerHealth
    let index: Int

    /// Processes jobs until the queue is closed and drained.
    public func run(_ queue: JobQueue<Job>) async {
        while let job = await queue.take() {
            health.begin(index)
            await process(job)
            health.end(index)
        }
    }

    func process(_ job: Job) async {
        DebugHooks.wedgeIfRequested(job.path)
        switch SafeFileReader().read(path: job.path, within: job.root, maxBytes: maxBytes) {
        case .content(let bytes, _):
            let sha = ContentHash.sha256(bytes)
            guard await manager.needsVerdict(job.key, sha256: sha, firstCode: nil) else {
                await manager.commit(job, record: nil)
                return
            }
            await manager.commit(job, record: checker.check(bytes: bytes, path: job.path))
        case .refused(let refusal):
            await refused(job, refusal)
        }
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
/// from an idle one.
public final class WorkerHealth: Sendable {
    private let busySince: Mutex<[ContinuousClock.Instant?]>

    public init(workers: Int) {
        busySince = Mutex(Array(repeating: nil, count: workers))
    }

    func begin(_ index: Int) { busySince.withLock { $0[index] = .now } }
    func end(_ index: Int) { busySince.withLock { $0[index] = nil } }

    /// Whether every busy worker started its current job less than `limit` ago.
    public func isHealthy(limit: Duration) -> Bool {
        let now = ContinuousClock.now
        return busySince.withLock { slots in
            slots.allSatisfy { start in start.map { now - $0 < limit } ?? true }
        }
    }
}
