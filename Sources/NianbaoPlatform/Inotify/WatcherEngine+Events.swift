#if canImport(Glibc)
import Glibc
#endif

extension WatcherEngine {
    /// Handles one kernel event (other than `IN_Q_OVERFLOW`).
    func handle(_ event: InotifyEvent) {
        if event.has(IN_IGNORED) {
            guard let forgotten = table.forget(event.wd) else { return }
            for (root, path) in forgotten.paths where path.isEmpty { loseRoot(root) }
            for root in forgotten.waitingRoots { waitForRoot(root) }
            return
        }
        guard let entry = table.entry(event.wd) else { return }
        for (root, path) in entry.paths.sorted(by: { $0.key < $1.key }) {
            handleTreeEvent(event, root: root, directory: path)
        }
        for root in entry.waitingRoots.sorted() { handleWaiterEvent(event, root: root) }
    }

    private func handleTreeEvent(_ event: InotifyEvent, root: String, directory: String) {
        if event.has(IN_DELETE_SELF) || event.has(IN_MOVE_SELF) || event.has(IN_UNMOUNT) {
            // Below the root, the parent directory's event reports this.
            if directory.isEmpty { loseRoot(root) }
            return
        }
        guard !event.name.isEmpty else { return }
        let name = FileNameCoding.decode(event.name)
        if ignore(name) { return }
        let path = directory.isEmpty ? name : directory + "/" + name
        if event.has(IN_ISDIR) {
            if event.has(IN_CREATE) || event.has(IN_MOVED_TO) {
                scanTree(root: root, from: path)
            } else if event.has(IN_MOVED_FROM) {
                removeWatches(table.removeSubtree(root: root, path: path))
                forgetUnwatched(root: root, below: path)
                emit(.directoryRemoved(root: root, path: path))
            } else if event.has(IN_DELETE) {
                // rmdir needs an empty directory: everything below was already reported and forgotten.
                removeWatches(table.removePath(root: root, path: path))
                forgetUnwatched(root: root, below: path)
                emit(.directoryRemoved(root: root, path: path))
            }
        } else if event.has(IN_CLOSE_WRITE) {
            emit(.fileClosedAfterWrite(root: root, path: path))
        } else if event.has(IN_MOVED_TO) {
            emit(.fileMovedIn(root: root, path: path))
        } else if event.has(IN_CREATE) {
            emit(.fileCreated(root: root, path: path))
        } else if event.has(IN_DELETE) || event.has(IN_MOVED_FROM) {
            emit(.fileRemoved(root: root, path: path))
        } else if event.has(IN_MODIFY) {
            emit(.fileModified(root: root, path: path))
        }
    }

    private func handleWaiterEvent(_ event: InotifyEvent, root: String) {
        guard case .lost(let ancestor?) = roots[root] else { return }
        if event.has(IN_DELETE_SELF) || event.has(IN_MOVE_SELF) || event.has(IN_UNMOUNT) {
            waitForRoot(root)
            return
        }
        guard FileNameCoding.decode(event.name) == Self.nextComponent(of: root, below: ancestor) else { return }
        waitForRoot(root)
    }
}
