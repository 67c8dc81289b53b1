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

/// Collects a watcher's events in the background.
final class EventRecorder: Sendable {
    private final class Store: Sendable {
        let events = Mutex<[WatchEvent]>([])
    }

    private let store = Store()
    private let task: Task<Void, Never>
    let watcher: TreeWatcher

    /// Starts `watcher` and records its events.
    init(_ watcher: TreeWatcher) throws {
        self.watcher = watcher
        let store = self.store
        let stream = watcher.events
        task = Task { for await event in stream { store.events.withLock { $0.append(event) } } }
        try watcher.start()
    }

    /// Watches `roots` and records.
    convenience init(roots: [String]) throws {
        try self.init(TreeWatcher(roots: roots))
    }

    var events: [WatchEvent] { store.events.withLock { $0 } }

    /// Waits until `predicate` holds for the recorded events; `false` on timeout.
    @discardableResult
    func wait(seconds: Double = 10, until predicate: ([WatchEvent]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if predicate(events) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return predicate(events)
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
