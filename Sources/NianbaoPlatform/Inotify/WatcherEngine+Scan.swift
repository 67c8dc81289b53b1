#if canImport(Glibc)
import Glibc
#endif

extension WatcherEngine {
    /// Watches `path` below `root` (the root itself is followed if it is a symbolic link, nothing
    /// below it is). Returns the descriptor, or `nil` after reporting why not.
    @discardableResult
    func addWatch(root: String, path: String) -> Int32? {
        let absolute = CanonicalPath.join(root, path)
        let mask = path.isEmpty ? InotifyMask.tree : InotifyMask.tree | InotifyMask.dontFollow
        let wd = FileNameCoding.withCString(absolute) { inotify_add_watch(fd, $0, mask) }
        if wd < 0 {
            switch errno {
            case ENOSPC:
                if limitReported.insert(absolute).inserted { emit(.watchLimitReached(path: absolute)) }
            case ENOENT, ENOTDIR:
                break // vanished, or replaced by a file or a symbolic link: the parent reports it
            default:
                emit(.error("cannot watch '\(absolute)': errno \(errno)"))
            }
            return nil
        }
        limitReported.remove(absolute)
        removeWatches(table.register(wd, root: root, path: path))
        return wd
    }

    /// Watches `start` and every directory below it, each one before it is listed, and reports
    /// every non-directory entry as `.fileFound`. Returns whether `start` itself is watched.
    @discardableResult
    func scanTree(root: String, from start: String) -> Bool {
        var pending = [start]
        var startWatched = false
        while let path = pending.popLast() {
            if control.isStopping { return startWatched }
            let watched = addWatch(root: root, path: path) != nil
            if path == start { startWatched = watched }
            let absolute = CanonicalPath.join(root, path)
            let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | (path.isEmpty ? 0 : O_NOFOLLOW)
            let dirFD = DirectoryWalk.retrying { FileNameCoding.withCString(absolute) { open($0, flags) } }
            if dirFD < 0 {
                let code = errno
                if code != ENOENT && code != ENOTDIR && code != ELOOP {
                    emit(.error("cannot list '\(absolute)': errno \(code)"))
                }
                continue
            }
            let listing = SafeDirectory.list(dirFD)
            close(dirFD)
            if listing.error != 0 { emit(.error("listing '\(absolute)' failed: errno \(listing.error)")) }
            for entry in listing.entries where !ignore(entry.name) {
                let child = path.isEmpty ? entry.name : path + "/" + entry.name
                if entry.kind == .directory {
                    pending.append(child)
                } else {
                    emit(.fileFound(root: root, path: child))
                }
            }
        }
        return startWatched
    }

    /// Rebuilds every watch from scratch: used after a queue overflow and on request.
    /// Watches whose directories were not found again are removed afterwards.
    func fullRescan(reason: ScanReason) {
        let previous = table.descriptors
        table = WatchTable()
        for root in roots.keys.sorted() {
            if control.isStopping { return }
            if case .lost = roots[root] {
                waitForRoot(root)
            } else {
                arm(root, reason: reason, announceLoss: true)
            }
        }
        removeWatches(Array(previous.subtracting(table.descriptors)))
    }
}
