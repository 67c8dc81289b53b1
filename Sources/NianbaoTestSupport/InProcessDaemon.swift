import Foundation
import Logging
import NianbaoDaemon
import NianbaoPlatform
import ServiceLifecycle
import Synchronization

/// `nianbao watch` run inside the test process with injected seams (a checker
/// that can block, a notifier that records), under a real ServiceGroup, on
/// real folders with real inotify.
public final class InProcessDaemon: Sendable {
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    public init(
        _ workspace: Workspace, seams: DaemonSeams, workers: Int = 1, logger: Logger,
        configure: (inout DaemonConfiguration) -> Void = { _ in }
    ) {
        var configured = DaemonConfiguration(
            drops: [DropFolder(name: "drop", path: workspace.drop)], statusDirectory: workspace.status,
            journalFile: workspace.journal, workers: workers, printVerdicts: false)
        configure(&configured)
        let configuration = configured
        let daemon = WatchDaemon(configuration: configuration, reload: { configuration }, seams: seams, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [daemon], logger: logger))
        self.group = group
        task = Task(executorPreference: DedicatedExecutor.shared) { try? await group.run() }
    }

    /// Shuts the daemon down gracefully and waits until it has ended.
    public func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }
}

/// A ``ServiceNotifier`` that records what the daemon says, for waiting on it.
public final class RecordingNotifier: ServiceNotifier {
    public struct Said: Sendable {
        public var state: String
        public var at: ContinuousClock.Instant
    }

    public let watchdogInterval: Duration?
    private let said = Mutex<[Said]>([])
    private let condition = NSCondition()

    public init(watchdogInterval: Duration? = nil) { self.watchdogInterval = watchdogInterval }

    public var all: [Said] { said.withLock { $0 } }

    /// Waits until something said after index `from` matches; returns its index.
    public func waitFor(after from: Int = -1, timeout: Double, _ match: (Said) -> Bool) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        var next = max(0, from + 1)
        condition.lock()
        defer { condition.unlock() }
        while true {
            let current = all
            while next < current.count {
                if match(current[next]) { return next }
                next += 1
            }
            if !condition.wait(until: deadline) { return nil }
        }
    }

    private func record(_ state: String) -> Bool {
        said.withLock { $0.append(Said(state: state, at: .now)) }
        condition.lock()
        condition.broadcast()
        condition.unlock()
        return true
    }

    public func ready() -> Bool { record("READY=1") }
    public func status(_ text: String) -> Bool { record("STATUS=" + text) }
    public func watchdog() -> Bool { record("WATCHDOG=1") }
    public func reloading() -> Bool { record("RELOADING=1") }
    public func stopping() -> Bool { record("STOPPING=1") }
    public func extendTimeout(usec: UInt64) -> Bool { record("EXTEND_TIMEOUT_USEC=\(usec)") }
}

/// A swift-log handler that keeps every message, for asserting on what was logged.
public final class CapturedLog: Sendable {
    private let messages = Mutex<[String]>([])
    public init() {}
    public var all: [String] { messages.withLock { $0 } }
    public var logger: Logger {
        Logger(label: "test") { _ in Handler(log: self) }
    }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            log.messages.withLock { $0.append(event.message.description) }
        }
    }
}

/// Runs a blocking wait on a Dispatch thread: an async test that blocked a
/// cooperative thread could starve the in-process daemon it waits for. The queue is a
/// serial one of its own (an overcommitting thread): `DispatchQueue.global()` admits
/// about one running thread per core, so many tests waiting at once delayed a slow
/// writer's 200 ms steps by seconds.
public func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue(label: "nianbao.test.offpool").async { continuation.resume(returning: body()) }
    }
}
