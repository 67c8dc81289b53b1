/// Tells the service manager about the daemon's state (``SystemdNotifier``
/// in production; tests may record what is said instead).
public protocol ServiceNotifier: Sendable {
    /// How often `WATCHDOG=1` is due, or nil when no keep-alive is expected.
    var watchdogInterval: Duration? { get }
    @discardableResult func ready() -> Bool
    @discardableResult func status(_ text: String) -> Bool
    @discardableResult func watchdog() -> Bool
    @discardableResult func reloading() -> Bool
    @discardableResult func stopping() -> Bool
    @discardableResult func extendTimeout(usec: UInt64) -> Bool
}

extension SystemdNotifier: ServiceNotifier {}
