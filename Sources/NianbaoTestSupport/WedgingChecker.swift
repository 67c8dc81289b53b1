import Dispatch
import NianbaoDaemon

/// Judges like the real checker, but blocks on a file named "wedge.txt" until
/// released: a worker stuck for as long as a test wants (the production binary has
/// no such hook; tests inject this checker through `DaemonSeams`).
public struct WedgingChecker: ReportChecking {
    private let real = ReportChecker()
    /// Signalled when a worker enters the wedge.
    public let entered = DispatchSemaphore(value: 0)
    /// Signal to let the wedged worker go on.
    public let release = DispatchSemaphore(value: 0)

    public init() {}

    public func check(bytes: [UInt8], sha256: String, path: String) -> VerdictRecord {
        if path.hasSuffix("/wedge.txt") {
            entered.signal()
            release.wait()
        }
        return real.check(bytes: bytes, sha256: sha256, path: path)
    }
}
