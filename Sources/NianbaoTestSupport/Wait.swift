import Foundation

/// Polls outside state that announces nothing (a child process appearing, a
/// process exiting): re-checks `condition` every `interval` until it holds.
/// Prefer ``DaemonHarness`` and ``NotifySocket`` waits, which wake on what the
/// daemon says.
public enum Wait {
    public static func until(timeout: Double, interval: Double = 0.05, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: interval)
        }
        return condition()
    }
}
