import NianbaoPlatform

/// Writes status files in batches, off the daemon's state actor: changes that
/// arrive while a batch is being written share the next batch, which costs one
/// file-system sync instead of two fsyncs per report.
///
/// The verdict journal is the durable record; after a crash the status
/// directory is reconciled from it at start, so a status file may lag the
/// journal by one batch but is never torn.
actor StatusWriter {
    private enum Change {
        case write(VerdictRecord)
        case remove
    }

    private let directory: StatusDirectory
    private let observer: any DaemonObserver
    private var pending: [ReportKey: Change] = [:]
    private var flushScheduled = false
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []

    init(directory: StatusDirectory, observer: any DaemonObserver) {
        self.directory = directory
        self.observer = observer
    }

    func write(_ record: VerdictRecord, for key: ReportKey) {
        pending[key] = .write(record)
        schedule()
    }

    func remove(_ key: ReportKey) {
        pending[key] = .remove
        schedule()
    }

    /// Returns once every change handed in so far is on disk.
    func drain() async {
        if pending.isEmpty && !flushScheduled { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    private func schedule() {
        guard !flushScheduled else { return }
        flushScheduled = true
        Task { self.flush() }
    }

    private func flush() {
        while !pending.isEmpty {
            let batch = pending
            pending = [:]
            var files: [(path: String, bytes: [UInt8])] = []
            for (key, change) in batch {
                switch change {
                case .write(let record):
                    guard let path = directory.statusPath(for: key), let bytes = try? JSONLine.pretty(record) else { continue }
                    files.append((path, bytes))
                case .remove:
                    do { try directory.remove(key) } catch {
                        observer.notice(.failure("status removal failed for \(key): \(error)"))
                    }
                }
            }
            for (path, error) in AtomicFile.writeBatch(files) {
                observer.notice(.failure("status write failed for \(path): \(error)"))
            }
        }
        flushScheduled = false
        let waiters = idleWaiters
        idleWaiters = []
        for waiter in waiters { waiter.resume() }
    }
}
