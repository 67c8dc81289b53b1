import NianbaoPlatform
/// After inotify refused a watch (ENOSPC: `fs.inotify.max_user_watches`), rescans
/// every drop folder a minute later, so the folders left unwatched are picked up
/// once watches are free again (or the limit was raised). At most one rescan is
/// pending at a time; files found again are skipped by their content hash.
actor WatchLimitRetry {
    private let watcher: TreeWatcher
    private var pending: Task<Void, Never>?
    private let delay: Duration

    init(watcher: TreeWatcher, delay: Duration = .seconds(60)) {
        self.watcher = watcher
        self.delay = delay
    }

    func schedule() {
        guard pending == nil else { return }
        let watcher = self.watcher
        let delay = self.delay
        pending = Task {
            try? await Task.sleep(for: delay)
            guard !Task.isCancelled else { return }
            watcher.rescan()
            self.done()
        }
    }

    func cancel() {
        pending?.cancel()
        pending = nil
    }

    private func done() { pending = nil }
}
