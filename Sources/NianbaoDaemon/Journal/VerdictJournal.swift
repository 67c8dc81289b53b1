import NianbaoPlatform

/// The append-only verdict journal (JSON Lines) with group commit: `append`
/// returns once the record is on stable storage; records appended while a
/// sync is running share the next sync.
public actor VerdictJournal {
    private var file: AppendOnlyFile
    private var waiters: [CheckedContinuation<Void, any Error>] = []
    private var flushScheduled = false
    /// Bytes cut from a torn last line when the journal was opened.
    public nonisolated let repairedTail: [UInt8]
    public nonisolated let path: String

    /// Opens the journal, repairing a torn last line left by a crash.
    public init(path: String) throws {
        let file = try AppendOnlyFile(path: path)
        self.file = file
        self.repairedTail = file.repairedTail
        self.path = path
    }

    /// Appends `record` and waits until it is durable.
    public func append(_ record: VerdictRecord) async throws {
        try write(record)
        try await durable()
    }

    /// Appends `record` without waiting for the disk: records keep the order of
    /// the calls. `durable()` then waits for the sync that covers it.
    public func write(_ record: VerdictRecord) throws {
        try file.append(try JSONLine.bytes(record))
    }

    /// Waits until everything written so far is on stable storage (group commit).
    public func durable() async throws {
        try await withCheckedThrowingContinuation { continuation in
            waiters.append(continuation)
            if !flushScheduled {
                flushScheduled = true
                Task { self.flush() }
            }
        }
    }

    /// Reopens the file (after logrotate moved it away).
    public func reopen() throws {
        file = try AppendOnlyFile(path: path)
    }

    private func flush() {
        let batch = waiters
        waiters = []
        flushScheduled = false
        do {
            try file.sync()
            for waiter in batch { waiter.resume() }
        } catch {
            for waiter in batch { waiter.resume(throwing: error) }
        }
    }
}
