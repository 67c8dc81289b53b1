import NianbaoPlatform
import NianbaoViews
import Synchronization

/// The append-only verdict journal (JSON Lines) with group commit.
///
/// `writeNow` appends at once, in call order. `durable()` returns once
/// everything written before the call is on stable storage: the first caller
/// runs the sync (on a Dispatch thread); callers that arrive meanwhile wait,
/// and the first of them runs the next sync for all of them, so a burst of
/// records shares a few syncs.
public final class VerdictJournal: Sendable {
    private struct State {
        var file: AppendOnlyFile
        var written: UInt64 = 0
        var synced: UInt64 = 0
        var syncing = false
        /// Callers waiting for a sync that covers `target`; resumed with true to run the next sync.
        var waiters: [(target: UInt64, continuation: CheckedContinuation<Bool, any Error>)] = []
    }

    private let state: Mutex<State>
    /// Bytes cut from a torn last line when the journal was opened (the first 4 KiB).
    public let repairedTail: [UInt8]
    /// How many bytes were cut from a torn last line when the journal was opened.
    public let repairedByteCount: Int
    public let path: String
    /// How long each sync took (for the metrics file).
    public let syncTimes = SyncTimes()

    /// Opens the journal, repairing a torn last line left by a crash.
    public init(path: String) throws {
        let file = try AppendOnlyFile(path: path)
        state = Mutex(State(file: file))
        repairedTail = file.repairedTail
        repairedByteCount = file.repairedByteCount
        self.path = path
    }

    /// Appends `record` and waits until it is durable.
    public func append(_ record: VerdictRecord) async throws {
        try await append(line: JSONLine.bytes(record))
    }

    /// Appends a record encoded beforehand (`JSONLine.bytes(record)`, without the
    /// newline) and waits until it is durable.
    public func append(line: [UInt8]) async throws {
        try writeNow(line: line)
        try await durable()
    }

    /// Appends `record` without waiting for the disk (records keep the order of the calls).
    public func writeNow(_ record: VerdictRecord) throws {
        try writeNow(line: JSONLine.bytes(record))
    }

    /// Appends a record encoded beforehand without waiting for the disk.
    public func writeNow(line: [UInt8]) throws {
        try state.withLock { state in
            try state.file.append(line)
            state.written += 1
        }
    }

    /// Reopens the file (after logrotate moved it away). A sync running on the
    /// old file finishes on it.
    public func reopenNow() throws {
        let file = try AppendOnlyFile(path: path)
        state.withLock { $0.file = file }
    }

    /// Reopens the file if the one open was deleted or replaced while running (so later
    /// verdicts are not written to a file nobody will read). Returns true for the one
    /// caller that reopened it; a sync running on the old file finishes on it.
    public func reopenIfReplaced() throws -> Bool {
        try state.withLock { state in
            guard state.file.isReplaced else { return false }
            state.file = try AppendOnlyFile(path: path)
            return true
        }
    }

    /// Which file the journal writes and how much was written to it (for a checkpoint).
    public func position() throws -> FilePosition {
        try state.withLock { try $0.file.position() }
    }

    /// Waits until everything written so far is on stable storage.
    public func durable() async throws {
        let mustSync: Bool = try await withCheckedThrowingContinuation { continuation in
            state.withLock { state in
                if state.synced >= state.written {
                    continuation.resume(returning: false)
                } else if state.syncing {
                    state.waiters.append((state.written, continuation))
                } else {
                    state.syncing = true
                    continuation.resume(returning: true)
                }
            }
        }
        if mustSync { try await sync() }
    }

    /// One sync round: covers everything written so far, wakes the waiters it
    /// covers and hands the next round to the first waiter it does not.
    private func sync() async throws {
        let (file, upTo) = state.withLock { ($0.file, $0.written) }
        let started = ContinuousClock.now
        let result = await BlockingWork.run { Result { try file.sync() } }
        syncTimes.record(ContinuousClock.now - started)
        let (covered, next) = state.withLock { state in
            if case .success = result { state.synced = max(state.synced, upTo) }
            let covered = state.waiters.filter { $0.target <= upTo }.map(\.continuation)
            state.waiters.removeAll { $0.target <= upTo }
            if state.waiters.isEmpty {
                state.syncing = false
                return (covered, nil as CheckedContinuation<Bool, any Error>?)
            }
            return (covered, state.waiters.removeFirst().continuation)
        }
        for continuation in covered {
            switch result {
            case .success: continuation.resume(returning: false)
            case .failure(let error): continuation.resume(throwing: error)
            }
        }
        next?.resume(returning: true)
        try result.get()
    }
}

/// Durations of the journal's syncs, kept as the views' Prometheus histogram
/// (`FsyncHistogram`, the one histogram type the metrics file renders).
public final class SyncTimes: Sendable {
    /// What `snapshot` returns: the histogram so far.
    public typealias Snapshot = FsyncHistogram

    private let state = Mutex(FsyncHistogram())

    func record(_ duration: Duration) {
        state.withLock { $0.record(duration) }
    }

    /// The histogram as of now (a copy).
    public var snapshot: Snapshot { state.withLock { $0 } }
}
