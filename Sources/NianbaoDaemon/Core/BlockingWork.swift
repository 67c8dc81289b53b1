import Dispatch

/// Runs blocking work (file reads, extraction, child processes, fsync) on a
/// Dispatch thread and resumes the caller when it is done, keeping Swift's
/// cooperative pool free for events, signals and the watchdog.
enum BlockingWork {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
