import Foundation
import Glibc

/// One datagram received on the notification socket.
public struct Notification: Sendable {
    /// When it was received, `CLOCK_MONOTONIC` microseconds.
    public let time: UInt64
    /// The raw payload (newline-separated assignments).
    public let text: String
    public var lines: [String] { text.split(separator: "\n").map(String.init) }
    public var seconds: Double { Double(time) / 1_000_000 }
    /// The `STATUS=` text, if the datagram carries one.
    public var status: String? { lines.first { $0.hasPrefix("STATUS=") }.map { String($0.dropFirst(7)) } }
}

/// A real AF_UNIX datagram socket standing in for the service manager's
/// `NOTIFY_SOCKET`. A thread receives every datagram, stamps it and wakes
/// the waiters: tests wait on what the daemon says, not on the clock.
/// A path starting with `@` names an abstract-namespace socket, as `NOTIFY_SOCKET` may.
public final class NotifySocket: @unchecked Sendable {
    /// The socket's address: a file path, or `@name` for an abstract socket (the value for `NOTIFY_SOCKET`).
    public let path: String
    private var isAbstract: Bool { path.hasPrefix("@") }
    private let descriptor: Int32
    private let condition = NSCondition()
    private var received: [Notification] = []
    private var stopped = false
    private var finished = false
    /// Called on the receiving thread the moment a datagram arrives.
    private let onReceive: (@Sendable (Notification) -> Void)?

    public init(path: String, onReceive: (@Sendable (Notification) -> Void)? = nil) throws {
        self.path = path
        self.onReceive = onReceive
        let abstract = path.hasPrefix("@")
        if !abstract { unlink(path) }
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw SocketError(errno: errno) }
        var addr = Self.address(path)
        let length = try Self.length(path)
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else {
            let code = errno
            close(descriptor)
            throw SocketError(errno: code)
        }
        // Any user may send (a daemon started through setpriv, say).
        if !abstract { chmod(path, 0o777) }
        // The receive timeout only lets the thread notice `stop()`.
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        Thread { [self] in receiveLoop() }.start()
    }

    private func receiveLoop() {
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            condition.lock()
            if stopped {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            condition.unlock()
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count >= 0 else { continue }
            let note = Notification(time: Self.monotonicMicroseconds(), text: String(decoding: buffer[..<count], as: UTF8.self))
            onReceive?(note)
            condition.lock()
            received.append(note)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Every datagram so far, in arrival order.
    public var all: [Notification] {
        condition.lock()
        defer { condition.unlock() }
        return received
    }

    /// Number of datagrams so far (an index to wait after).
    public var count: Int { all.count }

    /// Waits until a datagram after index `from` satisfies `match`; returns its index.
    public func waitFor(after from: Int = -1, timeout: Double, _ match: (Notification) -> Bool) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        var next = max(0, from + 1)
        while true {
            while next < received.count {
                if match(received[next]) { return next }
                next += 1
            }
            if !condition.wait(until: deadline) { return nil }
        }
    }

    /// Waits until `check` holds, re-checking it whenever the daemon says
    /// anything (and at `recheck` intervals, for changes it does not announce).
    public func waitUntil(timeout: Double, recheck: Double = 0.25, _ check: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if check() { return true }
            condition.lock()
            let seen = received.count
            while received.count == seen && condition.wait(until: min(deadline, Date().addingTimeInterval(recheck))) {}
            condition.unlock()
        }
        return check()
    }

    /// Sends `text` to this socket from a fresh one: a sentinel that arrives after
    /// every datagram sent to it before (a datagram socket keeps its order).
    public func sendToSelf(_ text: String) throws {
        let sender = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard sender >= 0 else { throw SocketError(errno: errno) }
        defer { close(sender) }
        var addr = Self.address(path)
        let length = try Self.length(path)
        let bytes = Array(text.utf8)
        let sent = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(sender, bytes, bytes.count, 0, $0, length) }
        }
        guard sent == bytes.count else { throw SocketError(errno: errno) }
    }

    /// The socket address of `path` (`@name`: abstract, a leading NUL instead of the `@`).
    private static func address(_ path: String) -> sockaddr_un {
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = path.hasPrefix("@") ? [0] + Array(path.utf8.dropFirst()) : Array(path.utf8)
        withUnsafeMutableBytes(of: &addr.sun_path) { $0.copyBytes(from: bytes.prefix($0.count)) }
        return addr
    }

    /// The address length for `path`: a path counts its terminating NUL, an abstract name does not.
    private static func length(_ path: String) throws -> socklen_t {
        let count = path.utf8.count
        guard count < MemoryLayout<sockaddr_un>.size - MemoryLayout<sa_family_t>.size else { throw SocketError(errno: ENAMETOOLONG) }
        return socklen_t(MemoryLayout<sa_family_t>.size + count + (path.hasPrefix("@") ? 0 : 1))
    }

    /// Stops the receiving thread (waits for it) and closes the socket.
    public func stop() {
        condition.lock()
        stopped = true
        while !finished { condition.wait() }
        condition.unlock()
    }

    deinit {
        stop()
        close(descriptor)
        if !isAbstract { unlink(path) }
    }

    /// `CLOCK_MONOTONIC` now, in microseconds (the clock of `MONOTONIC_USEC=`).
    public static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }

    public struct SocketError: Error {
        public let errno: Int32
        public init(errno: Int32) { self.errno = errno }
    }
}
