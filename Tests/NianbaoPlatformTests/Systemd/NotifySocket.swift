import Glibc
import NianbaoTestSupport

/// A real AF_UNIX datagram socket standing in for the service manager's
/// notification socket. Binds a path (or an abstract name when the address
/// starts with `@`) and receives what `sd_notify` sends.
final class NotifySocket {
    /// The value to put into `NOTIFY_SOCKET`.
    let address: String
    private let descriptor: Int32
    private let path: String?

    /// Binds a fresh socket; `abstract` picks an abstract-namespace address.
    init(abstract: Bool = false) throws {
        let name = "nianbao-notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        path = abstract ? nil : "/tmp/\(name).sock"
        address = abstract ? "@\(name)" : path!
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw SocketError(errno: errno) }

        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array((path ?? name).utf8)
        if abstract { bytes.insert(0, at: 0) }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            raw.copyBytes(from: bytes)
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (abstract ? 0 : 1))
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else {
            let code = errno
            close(descriptor)
            throw SocketError(errno: code)
        }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(descriptor)
        if let path { unlink(path) }
    }

    /// Receives one datagram (waiting at most two seconds) as text.
    func receive() throws -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw SocketError(errno: errno) }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Whether a datagram is waiting right now.
    func hasPending() -> Bool {
        var probe = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&probe, 1, 0) > 0
    }
}

/// A failed socket call in a test helper.
struct SocketError: Error {
    let errno: Int32
}
