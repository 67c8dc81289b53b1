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
    /// The back-off while status files cannot be written; nil when they can.
    private var retryDelay: Duration?

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

    /// Returns once every change handed in so far is on disk, or at once while
    /// writes are failing (the next start reconciles the directory from the journal).
    func drain() async {
        if pending.isEmpty && !flushScheduled || retryDelay != nil { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    private func schedule() {
        guard !flushScheduled else { return }
        flushScheduled = true
        Task { await self.flush() }
    }

    /// Writes the pending changes; the blocking file-system work runs on a Dispatch
    /// thread, so a slow disk never holds up Swift's cooperative pool (signals,
    /// watchdog, events).
    private func flush() async {
        var failed: [ReportKey: Change] = [:]
        var firstError: String?
        while !pending.isEmpty {
            let batch = pending
            pending = [:]
            var files: [(path: String, bytes: [UInt8])] = []
            var removals: [ReportKey] = []
            var keys: [String: ReportKey] = [:]
            for (key, change) in batch {
                switch change {
                case .write(let record):
                    guard let path = directory.statusPath(for: key), let bytes = try? JSONLine.pretty(record) else { continue }
                    files.append((path, bytes))
                    keys[path] = key
                case .remove:
                    removals.append(key)
                }
            }
            let directory = directory
            let (batchFiles, batchRemovals) = (files, removals)
            let (writeFailures, removalFailures) = await BlockingWork.run {
                let removalFailures: [(ReportKey, String)] = batchRemovals.compactMap { key in
                    do { try directory.remove(key); return nil } catch { return (key, "\(error)") }
                }
                return (AtomicFile.writeBatch(batchFiles).map { ($0.0, "\($0.1)") }, removalFailures)
            }
            removals.removeAll()
            for (key, error) in removalFailures {
                failed[key] = .remove
                firstError = firstError ?? "status removal failed for \(key): \(error)"
            }
            for (path, error) in writeFailures {
                guard let key = keys[path], let change = batch[key] else { continue }
                failed[key] = change
                firstError = firstError ?? "status write failed for \(path): \(error)"
            }
        }
        flushScheduled = false
        if !failed.isEmpty {
            // Kept and retried (disk full, I/O error): the status directory catches up by itself.
            if retryDelay == nil, let firstError { observer.notice(.failure(firstError + "; retrying")) }
            let delay = min((retryDelay ?? .milliseconds(250)) * 2, .seconds(10))
            retryDelay = delay
            for (key, change) in failed where pending[key] == nil { pending[key] = change }
            flushScheduled = true
            Task {
                try? await Task.sleep(for: delay)
                await self.flush()
            }
            return
        }
        retryDelay = nil
        let waiters = idleWaiters
        idleWaiters = []
        for waiter in waiters { waiter.resume() }
    }
}
