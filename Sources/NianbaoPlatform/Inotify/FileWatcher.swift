#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Tells when one file may have changed: written and closed, renamed into place,
/// created or removed. Watches the file's folder with inotify (so a file created
/// later, or replaced by a rename, is seen), on a thread blocked in `poll(2)`.
/// Each batch of events naming the file yields one element of ``changes``.
public final class FileWatcher: Sendable {
    private enum Phase {
        case notStarted
        case running(wake: WakePipe, thread: ReaderThread)
        case stopped
    }

    /// One element per batch of changes; finishes at ``stop()``.
    public let changes: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    private let folder: String
    private let name: [UInt8]
    private let phase = Mutex(Phase.notStarted)

    /// - Parameter path: the file's absolute path; its folder must exist at ``start()``.
    public init(path: String) {
        (changes, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let slash = path.lastIndex(of: "/")
        folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        name = Array((slash.map { String(path[path.index(after: $0)...]) } ?? path).utf8)
    }

    deinit { stop() }

    /// Creates the watch and starts the thread. Calling it again does nothing.
    public func start() throws(WatcherStartError) {
        try phase.withLock { (phase: inout Phase) throws(WatcherStartError) in
            guard case .notStarted = phase else { return }
            let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if fd < 0 { throw WatcherStartError(call: "inotify_init1", errno: errno) }
            let mask = UInt32(bitPattern: IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ONLYDIR)
            if inotify_add_watch(fd, folder, mask) < 0 {
                let error = errno
                close(fd)
                throw WatcherStartError(call: "inotify_add_watch", errno: error)
            }
            let wake: WakePipe
            do throws(WatcherStartError) { wake = try WakePipe() } catch { close(fd); throw error }
            let (continuation, name) = (self.continuation, self.name)
            do throws(WatcherStartError) {
                let thread = try ReaderThread {
                    Self.run(fd: fd, wake: wake, name: name, continuation: continuation)
                    close(fd)
                    continuation.finish()
                }
                phase = .running(wake: wake, thread: thread)
            } catch {
                close(fd)
                close(wake.readFD)
                close(wake.writeFD)
                throw error
            }
        }
    }

    /// Stops the thread and finishes ``changes``; returns once the thread has exited.
    public func stop() {
        let previous = phase.withLock { phase in
            defer { phase = .stopped }
            return phase
        }
        switch previous {
        case .running(let wake, let thread):
            wake.wake()
            thread.join()
            close(wake.readFD)
            close(wake.writeFD)
        case .notStarted:
            continuation.finish()
        case .stopped:
            break
        }
    }

    private static func run(fd: Int32, wake: WakePipe, name: [UInt8], continuation: AsyncStream<Void>.Continuation) {
        var buffer = [UInt8](repeating: 0, count: 1 << 14)
        while true {
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.readFD, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 || fds[1].revents != 0 { return }
            var named = false
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                let events = buffer.withUnsafeBytes { InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
                if events.contains(where: { $0.name == name || $0.has(IN_Q_OVERFLOW) }) { named = true }
            }
            if named { continuation.yield(()) }
        }
    }
}
