#if canImport(Glibc)
import Glibc
#endif

/// The watcher's state and logic. Confined to the reader thread: never shared.
final class WatcherEngine {
    enum RootState: Equatable {
        /// The root and its tree are watched.
        case active
        /// The root is missing; `ancestor` is the existing directory watched for its return.
        case lost(ancestor: String?)
    }

    let fd: Int32
    let control: WatcherControl
    let ignore: @Sendable (String) -> Bool
    /// Directories (root, relative path) neither watched nor listed.
    let skip: @Sendable (String, String) -> Bool
    private let continuation: AsyncStream<WatchEvent>.Continuation
    var table = WatchTable()
    var roots: [String: RootState] = [:]
    /// Directories the watch limit left unwatched, by absolute path, with their last listing.
    var unwatched: [String: UnwatchedDirectory] = [:]
    /// `.watchLimitReached` was said and not every directory is watched again since.
    var limitAnnounced = false
    /// The last `.coverage` reported.
    var lastCoverage: (watched: Int, unwatched: Int)?
    /// The file whose `fileModified` was emitted last, so a run of writes yields one event.
    var lastModified: (root: String, path: String)?

    init(fd: Int32, control: WatcherControl, ignore: @escaping @Sendable (String) -> Bool,
         skip: @escaping @Sendable (String, String) -> Bool = { _, _ in false },
         continuation: AsyncStream<WatchEvent>.Continuation) {
        self.skip = skip
        self.fd = fd
        self.control = control
        self.ignore = ignore
        self.continuation = continuation
    }

    func emit(_ event: WatchEvent) {
        if case .fileModified(let root, let path) = event {
            if let last = lastModified, last.root == root, last.path == path { return }
            lastModified = (root, path)
        } else {
            lastModified = nil
        }
        continuation.yield(event)
    }

    /// Scans the initial roots, then reads events until asked to stop.
    func run(initialRoots: [String]) {
        for root in initialRoots { addRoot(root) }
        reportCoverage()
        var buffer = [UInt8](repeating: 0, count: 256 * 1024)
        while !control.isStopping {
            let paused = checkPause()
            var fds = [pollfd(fd: control.wake.readFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
            let result = poll(&fds, paused ? 1 : 2, -1)
            if result < 0 {
                if errno == EINTR { continue }
                emit(.error("poll failed: errno \(errno)"))
                return
            }
            if fds[0].revents != 0 {
                control.wake.drain()
                for command in control.takeCommands() { perform(command) }
            }
            if !paused && !checkPause() && fds[1].revents != 0 { readEvents(&buffer) }
            reportCoverage()
        }
    }

    private func checkPause() -> Bool {
        control.state.withLock { state in
            state.pauseAcknowledged = state.paused
            return state.paused
        }
    }

    private func perform(_ command: WatcherCommand) {
        switch command {
        case .addRoot(let root): addRoot(root)
        case .removeRoot(let root): removeRoot(root)
        case .rescan: fullRescan(reason: .requested)
        case .pollUnwatched: pollUnwatched()
        }
    }

    /// Reads and handles events until the descriptor is empty.
    private func readEvents(_ buffer: inout [UInt8]) {
        while !control.isStopping {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno != EAGAIN { emit(.error("reading inotify events failed: errno \(errno)")) }
                return
            }
            if count == 0 { return }
            let events = buffer.withUnsafeBytes { InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            var overflowed = false
            for event in events {
                if event.has(IN_Q_OVERFLOW) { overflowed = true; continue }
                handle(event)
            }
            if overflowed {
                emit(.overflow)
                fullRescan(reason: .overflow)
            }
        }
    }

    /// Removes watches no longer used by anything.
    func removeWatches(_ descriptors: [Int32]) {
        for wd in descriptors { _ = inotify_rm_watch(fd, wd) }
    }
}
