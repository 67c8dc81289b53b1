#if canImport(Glibc)
import Glibc
#endif

/// A directory the inotify watch limit left unwatched: its root, its path below it,
/// and what its last listing held (files with their identity, folders), so a poll
/// reports only what changed.
struct UnwatchedDirectory {
    var root: String
    var path: String
    var files: [String: FileIdentity] = [:]
    var folders: Set<String> = []
    /// Whether a listing was remembered (before the first, every file is new).
    var listed = false

    /// Remembers a listing of the directory open as `fd`.
    mutating func remember(_ entries: [SafeDirectory.Entry], in fd: Int32, ignore: (String) -> Bool) {
        files = [:]
        folders = []
        listed = true
        for entry in entries where !ignore(entry.name) {
            if entry.kind == .directory {
                folders.insert(entry.name)
            } else {
                var info = stat()
                guard FileNameCoding.withCString(entry.name, { fstatat(fd, $0, &info, AT_SYMLINK_NOFOLLOW) }) == 0 else { continue }
                files[entry.name] = FileIdentity(info)
            }
        }
    }
}

extension WatcherEngine {
    /// Says `.watchLimitReached` for the first directory refused, once until every
    /// directory is watched again (800 folders over the limit make one line, not 800).
    func announceLimit(_ path: String) {
        guard !limitAnnounced else { return }
        limitAnnounced = true
        emit(.watchLimitReached(path: path))
    }

    /// Reports the watched and unwatched counts if they changed since last said.
    func reportCoverage() {
        let now = (watched: table.entries.count, unwatched: unwatched.count)
        if unwatched.isEmpty { limitAnnounced = false }
        guard lastCoverage?.watched != now.watched || lastCoverage?.unwatched != now.unwatched else { return }
        lastCoverage = now
        emit(.coverage(watched: now.watched, unwatched: now.unwatched))
    }

    /// Forgets the unwatched directories at `path` and below it in `root` (removed, or the root lost).
    func forgetUnwatched(root: String, below path: String) {
        let prefix = path.isEmpty ? "" : path + "/"
        for (absolute, entry) in unwatched where entry.root == root && (path.isEmpty || entry.path == path || entry.path.hasPrefix(prefix)) {
            unwatched.removeValue(forKey: absolute)
        }
    }

    /// ``TreeWatcher/pollUnwatched()``: each unwatched directory is watched if the kernel
    /// now allows it (then scanned), else listed and compared with its last listing.
    func pollUnwatched() {
        for (absolute, entry) in unwatched.sorted(by: { $0.key < $1.key }) {
            if control.isStopping { return }
            guard unwatched[absolute] != nil else { continue }   // forgotten by an earlier step
            guard roots[entry.root] == .active else {
                unwatched.removeValue(forKey: absolute)
                continue
            }
            if addWatch(root: entry.root, path: entry.path) != nil {
                scanTree(root: entry.root, from: entry.path)   // watched now: reported whole, once
                continue
            }
            poll(absolute, entry)
        }
    }

    /// Lists one unwatched directory and reports what changed since its last listing.
    private func poll(_ absolute: String, _ entry: UnwatchedDirectory) {
        let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | (entry.path.isEmpty ? 0 : O_NOFOLLOW)
        let fd = LongPath.open(absolute, flags)
        guard fd >= 0 else {
            // Gone: its parent's events (or its parent's poll) report the removal.
            unwatched.removeValue(forKey: absolute)
            return
        }
        defer { close(fd) }
        var fresh = entry
        fresh.remember(SafeDirectory.list(fd).entries, in: fd, ignore: ignore)
        func child(_ name: String) -> String { entry.path.isEmpty ? name : entry.path + "/" + name }
        for (name, identity) in fresh.files.sorted(by: { $0.key < $1.key }) where !entry.listed || entry.files[name] != identity {
            emit(.fileFound(root: entry.root, path: child(name)))
        }
        for name in entry.files.keys.sorted() where fresh.files[name] == nil {
            emit(.fileRemoved(root: entry.root, path: child(name)))
        }
        for name in entry.folders.sorted() where !fresh.folders.contains(name) {
            removeWatches(table.removeSubtree(root: entry.root, path: child(name)))
            forgetUnwatched(root: entry.root, below: child(name))
            emit(.directoryRemoved(root: entry.root, path: child(name)))
        }
        unwatched[absolute] = fresh
        for name in fresh.folders.sorted() where !entry.folders.contains(name) || !entry.listed {
            let path = child(name)
            if table.descriptor(root: entry.root, path: path) == nil && unwatched[CanonicalPath.join(entry.root, path)] == nil {
                scanTree(root: entry.root, from: path)
            }
        }
    }
}
