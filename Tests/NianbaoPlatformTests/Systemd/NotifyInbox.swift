import Foundation
import Glibc
import NianbaoTestSupport

/// The shared ``NotifySocket`` read one datagram at a time, as the service manager reads it.
final class NotifyInbox {
    let socket: NotifySocket
    /// The value to put into `NOTIFY_SOCKET`.
    var address: String { socket.path }
    private var seen = -1

    /// Binds a fresh socket; `abstract` picks an abstract-namespace address.
    init(abstract: Bool = false) throws {
        let name = "nianbao-notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        socket = try NotifySocket(path: abstract ? "@" + name : "/tmp/\(name).sock")
    }

    /// The next datagram not yet returned, waiting at most two seconds.
    func receive() throws -> String {
        guard let index = socket.waitFor(after: seen, timeout: 2, { _ in true }) else {
            throw NotifySocket.SocketError(errno: EAGAIN)
        }
        seen = index
        return socket.all[index].text
    }

    /// Whether a datagram was sent that `receive()` has not returned: sends a sentinel
    /// to the socket and checks that it comes next (a datagram socket keeps its order).
    func hasPending() throws -> Bool {
        let sentinel = "SENTINEL=\(UUID().uuidString)"
        try socket.sendToSelf(sentinel)
        guard let index = socket.waitFor(after: seen, timeout: 2, { $0.text == sentinel }) else {
            throw NotifySocket.SocketError(errno: EAGAIN)
        }
        defer { seen = index }
        return index > seen + 1
    }
}
