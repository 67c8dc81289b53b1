/// The watch descriptors of one inotify instance and what each of them stands for.
///
/// The kernel returns the same descriptor for the same directory inode, so one descriptor can be a
/// directory of several (nested) roots and at the same time the nearest ancestor of a lost root.
struct WatchTable {
    struct Entry {
        /// root → path of this directory relative to that root.
        var paths: [String: String] = [:]
        /// Lost roots waiting for a name to appear in this directory.
        var waitingRoots: Set<String> = []
        var isUnused: Bool { paths.isEmpty && waitingRoots.isEmpty }
    }

    private(set) var entries: [Int32: Entry] = [:]
    /// root → relative path → descriptor.
    private var byPath: [String: [String: Int32]] = [:]

    func entry(_ wd: Int32) -> Entry? { entries[wd] }

    func descriptor(root: String, path: String) -> Int32? { byPath[root]?[path] }

    /// Records that `wd` watches `path` below `root`; returns descriptors left without any use
    /// (a directory replaced by another one at the same path), which the caller removes.
    mutating func register(_ wd: Int32, root: String, path: String) -> [Int32] {
        var unused: [Int32] = []
        if let old = entries[wd]?.paths[root], old != path, byPath[root]?[old] == wd {
            byPath[root]?[old] = nil
        }
        if let previous = byPath[root]?[path], previous != wd {
            entries[previous]?.paths[root] = nil
            if entries[previous]?.isUnused == true { entries[previous] = nil; unused.append(previous) }
        }
        entries[wd, default: Entry()].paths[root] = path
        byPath[root, default: [:]][path] = wd
        return unused
    }

    /// Records that lost `root` waits on `wd`.
    mutating func addWaiter(_ wd: Int32, root: String) {
        entries[wd, default: Entry()].waitingRoots.insert(root)
    }

    /// Stops `root` from waiting anywhere; returns descriptors left without use.
    mutating func removeWaiter(root: String) -> [Int32] {
        var unused: [Int32] = []
        for (wd, entry) in entries where entry.waitingRoots.contains(root) {
            entries[wd]?.waitingRoots.remove(root)
            if entries[wd]?.isUnused == true { entries[wd] = nil; unused.append(wd) }
        }
        return unused
    }

    /// Forgets `path` and every directory below it in `root`; returns descriptors left without use.
    mutating func removeSubtree(root: String, path: String) -> [Int32] {
        guard let paths = byPath[root] else { return [] }
        let prefix = path.isEmpty ? "" : path + "/"
        var unused: [Int32] = []
        for (relative, wd) in paths where path.isEmpty || relative == path || relative.hasPrefix(prefix) {
            byPath[root]?[relative] = nil
            entries[wd]?.paths[root] = nil
            if entries[wd]?.isUnused == true { entries[wd] = nil; unused.append(wd) }
        }
        if byPath[root]?.isEmpty == true { byPath[root] = nil }
        return unused
    }

    /// Forgets the single directory `path` of `root`; returns descriptors left without use.
    mutating func removePath(root: String, path: String) -> [Int32] {
        guard let wd = byPath[root]?.removeValue(forKey: path) else { return [] }
        entries[wd]?.paths[root] = nil
        if entries[wd]?.isUnused == true { entries[wd] = nil; return [wd] }
        return []
    }

    /// Forgets a descriptor the kernel dropped (`IN_IGNORED`); returns what it stood for.
    mutating func forget(_ wd: Int32) -> Entry? {
        guard let entry = entries.removeValue(forKey: wd) else { return nil }
        for (root, path) in entry.paths where byPath[root]?[path] == wd {
            byPath[root]?[path] = nil
        }
        return entry
    }

    /// Every descriptor in the table.
    var descriptors: Set<Int32> { Set(entries.keys) }
}
