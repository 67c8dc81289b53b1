import Dispatch

/// A task executor on Dispatch threads of its own. Tests that run async code
/// which must make progress (an in-process daemon, a parallel map) use it as
/// their executor preference, so blocking waits elsewhere in a parallel test
/// run cannot starve them of Swift's few cooperative threads.
public final class DedicatedExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "nianbao.test.executor", attributes: .concurrent)

    public init() {}

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    /// One shared instance.
    public static let shared = DedicatedExecutor()
}
