import Foundation
import Synchronization
@testable import NianbaoPlatform
import NianbaoTestSupport

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init(_ label: String = "nianbao-inotify") throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func sub(_ relative: String) -> String { path + "/" + relative }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Writes `text` to `path` (create/truncate, write, close: one IN_CLOSE_WRITE).
func writeFile(_ path: String, _ text: String = "report\n") throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    guard write(fd, bytes, bytes.count) == bytes.count else { throw POSIXError(.EIO) }
}

/// Appends `text` to an existing file, opening and closing it.
func appendFile(_ path: String, _ text: String) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()
}

/// Collects a watcher's events in the background. Waits wake on each recorded
/// event (no polling); the timeout only bounds a wait that would otherwise hang.
final class EventRecorder: Sendable {
    private struct State {
        var events: [WatchEvent] = []
        /// Waiters for the next recorded event, resumed (and removed) by it.
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter: UInt64 = 0
    }

    private final class Store: Sendable {
        let state = Mutex(State())
    }

    private let store = Store()
    private let task: Task<Void, Never>
    let watcher: TreeWatcher

    /// Starts `watcher` and records its events.
    init(_ watcher: TreeWatcher) throws {
        self.watcher = watcher
        let store = self.store
        let stream = watcher.events
        task = Task {
            for await event in stream {
                let waiters = store.state.withLock { state in
                    state.events.append(event)
                    defer { state.waiters.removeAll() }
                    return state.waiters
                }
                for waiter in waiters.values { waiter.resume() }
            }
        }
        try watcher.start()
    }

    /// Watches `roots` and records.
    convenience init(roots: [String]) throws {
        try self.init(TreeWatcher(roots: roots))
    }

    var events: [WatchEvent] { store.state.withLock { $0.events } }

    /// Waits until `predicate` holds for the recorded events; `false` on timeout.
    @discardableResult
    func wait(seconds: Double = 10, until predicate: ([WatchEvent]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while true {
            let seen = events
            if predicate(seen) { return true }
            let timedOut = await withTaskGroup(of: Bool.self) { group in
                group.addTask { await self.nextEvent(after: seen.count); return false }
                group.addTask { try? await Task.sleep(until: deadline); return true }
                let first = await group.next() ?? true
                group.cancelAll()
                return first
            }
            if timedOut { return predicate(events) }
        }
    }

    /// Returns once more than `count` events are recorded (or the waiting task is cancelled).
    private func nextEvent(after count: Int) async {
        let id = store.state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
                let resumeNow = store.state.withLock { state in
                    if state.events.count > count || Task.isCancelled { return true }
                    state.waiters[id] = waiter
                    return false
                }
                if resumeNow { waiter.resume() }
            }
        } onCancel: {
            store.state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }

    /// Writes a fresh sentinel file directly under a watched root and waits for its close-after-write
    /// event. inotify delivers one instance's events in order, so every event caused
    /// before the call has been recorded once this returns `true`.
    @discardableResult
    func settle(root: String) async throws -> Bool {
        let sentinel = "sentinel-\(UUID().uuidString).txt"
        try writeFile(root + "/" + sentinel)
        return await wait(for: .fileClosedAfterWrite(root: root, path: sentinel))
    }

    /// Waits until `event` was recorded.
    @discardableResult
    func wait(for event: WatchEvent, seconds: Double = 10) async -> Bool {
        await wait(seconds: seconds) { $0.contains(event) }
    }

    /// Paths (relative) of file events of any kind meaning "this file is there".
    func reportedPaths() -> Set<String> {
        var paths = Set<String>()
        for event in events {
            switch event {
            case .fileFound(_, let path), .fileClosedAfterWrite(_, let path), .fileMovedIn(_, let path),
                 .fileCreated(_, let path):
                paths.insert(path)
            default:
                break
            }
        }
        return paths
    }

    /// Stops the watcher and waits for the stream to end.
    func stop() async {
        watcher.stop()
        await task.value
    }
}
