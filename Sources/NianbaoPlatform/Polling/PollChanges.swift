/// What one poll scan saw change, before it is told as ``WatchEvent``s: paths are
/// relative to the watched root. Entries with temporary names (``TemporaryNames``) are
/// kept, flagged `ignored`, so that an upload renamed from `x.part` to `x` is a rename.
struct PollChanges: Sendable, Equatable {
    struct Observed: Sendable, Equatable {
        var path: String
        var identity: FileIdentity
        var ignored: Bool = false
    }

    /// Paths not seen by the previous scan.
    var appeared: [Observed] = []
    /// Paths whose identity (inode, size, mtime, ctime) changed since the previous scan.
    var changed: [Observed] = []
    /// Paths the previous scan saw and this one did not, with their last identity.
    var vanished: [Observed] = []
    /// Directories the previous scan saw and this one did not.
    var vanishedDirectories: [String] = []
    /// Paths whose identity was still changing (not yet told as settled): a rename of one
    /// is not complete, so its new path settles like a new file.
    var unsettled: Set<String> = []

    var isEmpty: Bool { appeared.isEmpty && changed.isEmpty && vanished.isEmpty && vanishedDirectories.isEmpty }

    /// The events, in the order inotify would give them: removals first (a directory gone
    /// is one `.directoryRemoved`), then renames and new files, then changed files.
    /// A new path holding an inode that vanished elsewhere with the same size and mtime is
    /// a rename (`.fileRemoved` of the old path, `.fileMovedIn` of the new one, as inotify
    /// says it); with another size or mtime it was written after the move and settles.
    /// `found`: the scan was a first or requested one, whose files are `.fileFound`.
    /// `unsettled` paths (files still being written) never make a clean rename.
    func events(root: String, found: Bool) -> [(event: WatchEvent, identity: FileIdentity?)] {
        var out: [(event: WatchEvent, identity: FileIdentity?)] = []
        let gone = vanishedDirectories.sorted()
        var top: [String] = []
        for directory in gone where !top.contains(where: { directory.hasPrefix($0 + "/") }) { top.append(directory) }
        func insideGone(_ path: String) -> Bool { top.contains { path.hasPrefix($0 + "/") } }
        for directory in top { out.append((.directoryRemoved(root: root, path: directory), nil)) }

        var byInode: [InodeKey: Observed] = [:]
        for old in vanished { byInode[InodeKey(old.identity)] = old }
        var moves: [(new: Observed, renamed: Bool)] = []
        for new in appeared.sorted(by: { $0.path < $1.path }) where !new.ignored {
            if !found, let old = byInode.removeValue(forKey: InodeKey(new.identity)) {
                let same = !unsettled.contains(old.path) && old.identity.size == new.identity.size
                    && old.identity.modificationTimeNanoseconds == new.identity.modificationTimeNanoseconds
                moves.append((new, same))
            } else {
                moves.append((new, false))
            }
        }
        for old in vanished.sorted(by: { $0.path < $1.path }) where !old.ignored && !insideGone(old.path) {
            out.append((.fileRemoved(root: root, path: old.path), nil))
        }
        for (new, renamed) in moves {
            if found {
                out.append((.fileFound(root: root, path: new.path), new.identity))
            } else if renamed {
                out.append((.fileMovedIn(root: root, path: new.path), nil))
            } else {
                out.append((.fileCreated(root: root, path: new.path), new.identity))
            }
        }
        for file in changed.sorted(by: { $0.path < $1.path }) where !file.ignored {
            out.append((.fileClosedAfterWrite(root: root, path: file.path), file.identity))
        }
        return out
    }

    /// A file's inode on its device.
    struct InodeKey: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ identity: FileIdentity) {
            device = identity.device
            inode = identity.inode
        }
    }
}
