import CSystemd
import Glibc

/// The `sd_notify(3)` seam: tells the service manager about the daemon's state.
///
/// Every call goes through libsystemd's `sd_notify`, which honours
/// `NOTIFY_SOCKET` (file-system and abstract sockets). When the daemon does
/// not run under a notify-aware manager every call is a harmless no-op.
/// The environment is never unset, so child processes and later calls still
/// see `NOTIFY_SOCKET`.
public struct SystemdNotifier: Sendable {
    /// Creates a notifier. It holds no state; the socket is looked up per call.
    public init() {}

    /// Whether a notification socket is configured (`NOTIFY_SOCKET` is set).
    public var isEnabled: Bool {
        guard let value = getenv("NOTIFY_SOCKET") else { return false }
        return value.pointee != 0
    }

    /// How often the daemon should send `WATCHDOG=1`: half of `WATCHDOG_USEC`,
    /// or `nil` when the service manager expects no keep-alive pings.
    public var watchdogInterval: Duration? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return .microseconds(Int64(clamping: usec / 2))
    }

    /// `READY=1`: start-up finished (the manager waits for this with `Type=notify`).
    @discardableResult
    public func ready() -> Bool { send("READY=1") }

    /// `STATUS=…`: a one-line status shown by `systemctl status`.
    ///
    /// Newlines are replaced by spaces, because the notify protocol is line based
    /// and a newline would let the text forge another assignment.
    @discardableResult
    public func status(_ text: String) -> Bool {
        let line = String(text.map { $0.isNewline ? " " : $0 })
        return send("STATUS=" + line)
    }

    /// `WATCHDOG=1`: the keep-alive ping; send it every ``watchdogInterval``.
    @discardableResult
    public func watchdog() -> Bool { send("WATCHDOG=1") }

    /// `RELOADING=1` with `MONOTONIC_USEC` (the current `CLOCK_MONOTONIC` time)
    /// in a single datagram. Follow it with ``ready()`` once the reload is done.
    @discardableResult
    public func reloading() -> Bool {
        send("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())")
    }

    /// `STOPPING=1`: the daemon began shutting down.
    @discardableResult
    public func stopping() -> Bool { send("STOPPING=1") }

    /// `EXTEND_TIMEOUT_USEC=…`: asks for more time for the current start-up,
    /// reload or stop phase.
    @discardableResult
    public func extendTimeout(usec: UInt64) -> Bool {
        send("EXTEND_TIMEOUT_USEC=\(usec)")
    }

    /// Sends raw newline-separated assignments. Returns `true` when a datagram
    /// was delivered, `false` when notification is disabled or sending failed.
    @discardableResult
    public func send(_ state: String) -> Bool {
        sd_notify(0, state) > 0
    }

    /// `CLOCK_MONOTONIC` now, in microseconds.
    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
