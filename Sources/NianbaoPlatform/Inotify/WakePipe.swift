#if canImport(Glibc)
import Glibc
#endif

/// A non-blocking pipe used to wake the reader thread out of `poll(2)`.
struct WakePipe: Sendable {
    let readFD: Int32
    let writeFD: Int32

    init() throws(WatcherStartError) {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) != 0 { throw WatcherStartError(call: "pipe", errno: errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    /// Makes the read end readable (a full pipe is already readable, so EAGAIN is fine).
    func wake() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Empties the pipe.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readFD, &buffer, buffer.count) > 0 {}
    }
}

/// ``TreeWatcher/start()`` could not create its descriptors or thread.
public struct WatcherStartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The failing call, such as `"inotify_init1"`.
    public var call: String
    /// Its `errno` (for example `EMFILE` when `fs.inotify.max_user_instances` is exhausted).
    public var errno: Int32

    /// A log line.
    public var description: String { "\(call) failed: errno \(errno)" }
}
