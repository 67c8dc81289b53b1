import Dispatch
import Testing

/// Runs each test of a suite (or one test) on a thread of its own instead of the
/// cooperative pool: `@Suite(.offPool)`.
///
/// Swift Testing calls a synchronous test function from async code, so a synchronous
/// test that blocks (`Wait.until`, a subprocess waited for, a semaphore) holds one of
/// the cooperative pool's threads, and a 2-core machine has two. Two such tests at once
/// froze the whole test process: no in-process daemon ran, and tests that waited for
/// one failed at their timeouts. Under this trait the test's task prefers an executor
/// backed by a serial Dispatch queue (threads outside the cooperative pool), so the body
/// blocks that thread only. The test is still one task: its `#expect`s are attributed
/// as usual.
public struct OffPoolTrait: TestTrait, SuiteTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        guard testCase != nil else { return try await function() }
        try await withTaskExecutorPreference(QueueTaskExecutor()) { try await function() }
    }
}

extension Trait where Self == OffPoolTrait {
    /// Run the test body on a thread of its own, not the cooperative pool (``OffPoolTrait``).
    public static var offPool: Self { OffPoolTrait() }
}

/// A task executor running its jobs on one serial Dispatch queue (an overcommitting
/// thread, never one of the cooperative pool's).
final class QueueTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "nianbao.test.body")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
