import Synchronization

/// Requests from any thread to the reader thread, which alone touches inotify state.
enum WatcherCommand: Sendable {
    case addRoot(String)
    case removeRoot(String)
    case rescan
    case pollUnwatched
}

/// State shared between ``TreeWatcher`` and its reader thread.
final class WatcherControl: Sendable {
    struct State {
        var commands: [WatcherCommand] = []
        var paused = false
        var pauseAcknowledged = false
    }

    let state = Mutex(State())
    let stopping = Atomic<Bool>(false)
    let wake: WakePipe

    init(wake: WakePipe) { self.wake = wake }

    func send(_ command: WatcherCommand) {
        state.withLock { $0.commands.append(command) }
        wake.wake()
    }

    func takeCommands() -> [WatcherCommand] {
        state.withLock { state in
            defer { state.commands.removeAll() }
            return state.commands
        }
    }

    var isStopping: Bool { stopping.load(ordering: .acquiring) }
}
