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
        let wd = Self.addWatch(fd, absolute, mask: mask)
        if wd < 0 {
            switch errno {
            case ENOSPC:
                if unwatched[absolute] == nil { unwatched[absolute] = UnwatchedDirectory(root: root, path: path) }
                announceLimit(absolute)
            case ENOENT, ENOTDIR:
                break // vanished, or replaced by a file or a symbolic link: the parent reports it
            default:
                emit(.error("cannot watch '\(absolute)': errno \(errno)"))
            }
            return nil
        }
        unwatched.removeValue(forKey: absolute)
        removeWatches(table.register(wd, root: root, path: path))
        return wd
    }

    /// `inotify_add_watch` of a path of any length: past PATH_MAX the folder is opened
    /// in pieces (``LongPath``, `O_NOFOLLOW` on its own name) and watched through
    /// `/proc/self/fd`, which names exactly the folder opened.
    static func addWatch(_ fd: Int32, _ absolute: String, mask: UInt32) -> Int32 {
        guard LongPath.isLong(absolute) else { return FileNameCoding.withCString(absolute) { inotify_add_watch(fd, $0, mask) } }
        let folder = LongPath.open(absolute, LongPath.openPath | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if folder < 0 { return -1 }
        defer { close(folder) }
        return inotify_add_watch(fd, "/proc/self/fd/\(folder)", mask & ~InotifyMask.dontFollow)
    }

    /// Watches `start` and every directory below it, each one before it is listed, and reports
    /// every non-directory entry as `.fileFound`. Returns whether `start` itself is watched.
    @discardableResult
    func scanTree(root: String, from start: String) -> Bool {
        var pending = [start]
        var startWatched = false
        while let path = pending.popLast() {
            if control.isStopping { return startWatched }
            if !path.isEmpty && skip(root, path) { continue }
            let watched = addWatch(root: root, path: path) != nil
            if path == start { startWatched = watched }
            let absolute = CanonicalPath.join(root, path)
            let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | (path.isEmpty ? 0 : O_NOFOLLOW)
            let dirFD = LongPath.open(absolute, flags)
            if dirFD < 0 {
                let code = errno
                if code != ENOENT && code != ENOTDIR && code != ELOOP {
                    emit(.error("cannot list '\(absolute)': errno \(code)"))
                }
                continue
            }
            let listing = SafeDirectory.list(dirFD)
            if !watched, unwatched[absolute] != nil { unwatched[absolute]?.remember(listing.entries, in: dirFD, ignore: ignore) }
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
        unwatched = [:]
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
