#if canImport(Glibc)
import Glibc
#endif

extension WatcherEngine {
    /// Starts watching a new root (reported with `.scanCompleted(.initial)`, or `.rootLost`).
    func addRoot(_ root: String) {
        guard roots[root] == nil else { return }
        roots[root] = .lost(ancestor: nil)
        arm(root, reason: .initial, announceLoss: true)
    }

    /// Stops watching a root; nothing more is reported for it.
    func removeRoot(_ root: String) {
        guard roots.removeValue(forKey: root) != nil else { return }
        removeWatches(table.removeSubtree(root: root, path: ""))
        removeWatches(table.removeWaiter(root: root))
        forgetUnwatched(root: root, below: "")
    }

    /// Watches and scans `root` if it is a directory; otherwise waits for it to appear.
    func arm(_ root: String, reason: ScanReason, announceLoss: Bool, depth: Int = 0) {
        guard Self.isDirectory(root) else {
            if announceLoss { emit(.rootLost(root: root)) }
            roots[root] = .lost(ancestor: nil)
            waitForRoot(root, depth: depth + 1)
            return
        }
        removeWatches(table.removeWaiter(root: root))
        if reason == .rootRestored { emit(.rootRestored(root: root)) }
        if scanTree(root: root, from: "") {
            roots[root] = .active
        } else {
            roots[root] = .lost(ancestor: nil)
            emit(.error("cannot watch root '\(root)'; retrying at the next rescan"))
        }
        emit(.scanCompleted(root: root, reason: reason))
    }

    /// The root disappeared (deleted, moved away, unmounted): forget its tree and wait for it.
    func loseRoot(_ root: String) {
        guard roots[root] == .active else { return }
        removeWatches(table.removeSubtree(root: root, path: ""))
        forgetUnwatched(root: root, below: "")
        roots[root] = .lost(ancestor: nil)
        emit(.rootLost(root: root))
        waitForRoot(root)
    }

    /// Watches the nearest existing ancestor of a missing root for the next path component to
    /// appear. No polling: the watch's events call this again until the root exists.
    func waitForRoot(_ root: String, depth: Int = 0) {
        removeWatches(table.removeWaiter(root: root))
        roots[root] = .lost(ancestor: nil)
        guard depth < 16 else {
            emit(.error("root '\(root)' keeps changing; retrying at the next rescan"))
            return
        }
        for _ in 0 ..< 64 {
            let ancestor = Self.nearestExistingDirectory(root)
            if ancestor == root {
                arm(root, reason: .rootRestored, announceLoss: false, depth: depth + 1)
                return
            }
            let wd = inotify_add_watch(fd, ancestor, InotifyMask.tree)
            if wd < 0 {
                if errno == ENOENT || errno == ENOTDIR { continue }
                if errno == ENOSPC {
                    announceLimit(ancestor)
                } else {
                    emit(.error("cannot watch '\(ancestor)' for root '\(root)': errno \(errno)"))
                }
                return
            }
            table.addWaiter(wd, root: root)
            roots[root] = .lost(ancestor: ancestor)
            // The next component may have appeared before the watch existed.
            if Self.nearestExistingDirectory(root) == ancestor { return }
            removeWatches(table.removeWaiter(root: root))
        }
        emit(.error("root '\(root)' keeps changing; retrying at the next rescan"))
    }

    /// The path component of `root` directly below `ancestor`.
    static func nextComponent(of root: String, below ancestor: String) -> String? {
        guard root.hasPrefix(ancestor) else { return nil }
        let rest = root.dropFirst(ancestor.count).drop { $0 == "/" }
        return rest.split(separator: "/").first.map(String.init)
    }

    /// `path` itself or its nearest ancestor that is a directory (following symbolic links).
    static func nearestExistingDirectory(_ path: String) -> String {
        var current = path
        while !isDirectory(current) && current != "/" {
            guard let slash = current.lastIndex(of: "/") else { return "/" }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
        return current
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}
