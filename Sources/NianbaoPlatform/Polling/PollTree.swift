#if canImport(Glibc)
import Glibc
#endif

/// What the poller knows of one tree, and the scan that updates it. Confined to the
/// poller's thread: never shared.
///
/// A scan opens each directory relative to its parent with `O_NOFOLLOW | O_DIRECTORY`
/// (as ``DirectoryWalk`` does) and `fstat`s it. A directory whose inode, mtime and ctime
/// (in nanoseconds) are those of the previous scan is not listed again: only its known
/// entries are `fstatat`ed (`AT_SYMLINK_NOFOLLOW`). A directory that changed is listed
/// (`getdents`) and, once more, at the next scan too: an entry made within the same
/// time-stamp tick as the listing leaves the mtime as it was.
///
/// Public for callers that run scans themselves (the benchmark); ``PollingWatcher`` is
/// the way to watch a tree.
public final class PollTree {
    struct Stamp: Equatable {
        var inode: UInt64
        var modification: Int64
        var change: Int64
    }

    struct File {
        var name: String
        var identity: FileIdentity
        var ignored: Bool
    }

    struct Directory {
        var stamp: Stamp
        var files: [File]
        var directories: [String]
        var relistNext: Bool
    }

    /// Why a scan did not see the tree.
    enum Failure: Error, Equatable {
        /// The root is missing (deleted, moved away, not mounted).
        case rootMissing
        /// The root could not be opened for another reason (errno).
        case rootUnreadable(Int32)
    }

    let root: String
    /// The subtree scanned, relative to the root (`""`: all of it).
    let subtree: String
    let ignore: @Sendable (String) -> Bool
    let maxDepth = 64
    private(set) var directories: [String: Directory] = [:]
    /// Paths of directories that could not be listed, reported once until they can.
    private var reported: Set<String> = []

    /// A tree known empty: the first scan lists everything. `subtree` is relative to `root`.
    public init(root: String, subtree: String = "", ignore: @escaping @Sendable (String) -> Bool = TemporaryNames.isTemporary) {
        self.root = root
        self.subtree = subtree
        self.ignore = ignore
    }

    /// The number of non-directory entries known (for the benchmark and the tests).
    public var fileCount: Int { directories.values.reduce(0) { $0 + $1.files.count } }

    /// The identity the last scan saw at `path` (relative to the root); nil when none.
    func identity(of path: String) -> FileIdentity? {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return directories[directory]?.files.first { $0.name == name }?.identity
    }

    /// Runs one scan; returns how many entries were new, changed or gone, or nil when the
    /// tree could not be seen.
    public func scanOnce() -> Int? {
        guard case .success(let (changes, _)) = scan(isStopping: { false }) else { return nil }
        return changes.appeared.count + changes.changed.count + changes.vanished.count + changes.vanishedDirectories.count
    }

    /// Forgets everything: the next scan lists every directory and finds every file anew.
    func forget() { directories = [:] }

    /// Scans the tree; returns what changed and the problems met (once each), or why the
    /// tree could not be seen. `isStopping` is asked between directories.
    func scan(isStopping: @escaping () -> Bool) -> Result<(PollChanges, problems: [String]), Failure> {
        let rootFD = DirectoryWalk.retrying { FileNameCoding.withCString(root) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) } }
        if rootFD < 0 {
            let code = errno
            return .failure(code == ENOENT || code == ENOTDIR ? .rootMissing : .rootUnreadable(code))
        }
        var pass = Pass(isStopping: isStopping)
        let components = subtree.split(separator: "/").map(String.init)
        if case .success(let fd) = DirectoryWalk.walk(components, from: rootFD, closingStart: true, names: .fileName) {
            visit(fd, path: subtree, depth: components.count, &pass)
            close(fd)
        }
        if pass.stopped { return .success((PollChanges(), [])) }
        for (path, directory) in directories where !pass.visited.contains(path) {
            pass.changes.vanishedDirectories.append(path)
            for file in directory.files {
                pass.changes.vanished.append(.init(path: Self.join(path, file.name), identity: file.identity, ignored: file.ignored))
            }
            directories.removeValue(forKey: path)
        }
        return .success((pass.changes, pass.problems))
    }

    private struct Pass {
        let isStopping: () -> Bool
        var changes = PollChanges()
        var visited: Set<String> = []
        var problems: [String] = []
        var stopped = false
    }

    private func visit(_ fd: Int32, path: String, depth: Int, _ pass: inout Pass) {
        if pass.isStopping() { pass.stopped = true; return }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return }
        let stamp = Stamp(inode: UInt64(info.st_ino), modification: Self.nanoseconds(info.st_mtim), change: Self.nanoseconds(info.st_ctim))
        pass.visited.insert(path)
        var record: Directory
        if let previous = directories[path], previous.stamp == stamp, !previous.relistNext {
            record = previous
            restat(fd, path: path, &record, &pass)
        } else {
            if let listed = list(fd, path: path, stamp: stamp, previous: directories[path], &pass) {
                record = listed
            } else if var previous = directories[path] {
                // Unlistable now: keep what was known, so nothing is taken for removed.
                previous.relistNext = true
                record = previous
            } else {
                return
            }
        }
        directories[path] = record
        guard depth < maxDepth else { return }
        for name in record.directories {
            let child = Self.join(path, name)
            let flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
            let childFD = DirectoryWalk.retrying { FileNameCoding.withCString(name) { openat(fd, $0, flags) } }
            if childFD < 0 {
                // Gone or replaced since the listing: the next scan lists the parent again.
                directories[path]?.relistNext = true
                continue
            }
            visit(childFD, path: child, depth: depth + 1, &pass)
            close(childFD)
            if pass.stopped { return }
        }
    }

    /// The directory did not change: only its known entries are looked at again.
    private func restat(_ fd: Int32, path: String, _ record: inout Directory, _ pass: inout Pass) {
        var info = stat()
        var index = 0
        while index < record.files.count {
            let name = record.files[index].name
            if FileNameCoding.withCString(name, { fstatat(fd, $0, &info, AT_SYMLINK_NOFOLLOW) }) != 0 {
                // Gone although the directory's time stamps stayed (a cached or coarse mtime).
                let file = record.files.remove(at: index)
                pass.changes.vanished.append(.init(path: Self.join(path, name), identity: file.identity, ignored: file.ignored))
                record.relistNext = true
                continue
            }
            let identity = FileIdentity(info)
            if identity != record.files[index].identity {
                record.files[index].identity = identity
                pass.changes.changed.append(.init(path: Self.join(path, name), identity: identity, ignored: record.files[index].ignored))
            }
            index += 1
        }
    }

    /// Lists the directory and compares it with what was known; nil when it cannot be listed.
    private func list(_ fd: Int32, path: String, stamp: Stamp, previous: Directory?, _ pass: inout Pass) -> Directory? {
        let listing = SafeDirectory.list(fd)
        if listing.error != 0 {
            let absolute = CanonicalPath.join(root, path)
            if reported.insert(absolute).inserted { pass.problems.append("cannot list '\(absolute)': errno \(listing.error)") }
            return nil
        }
        reported.remove(CanonicalPath.join(root, path))
        var known: [String: File] = [:]
        for file in previous?.files ?? [] { known[file.name] = file }
        var record = Directory(stamp: stamp, files: [], directories: [], relistNext: previous?.stamp != stamp)
        var info = stat()
        for entry in listing.entries {
            if entry.kind == .directory {
                if !ignore(entry.name) { record.directories.append(entry.name) }
                continue
            }
            guard FileNameCoding.withCString(entry.name, { fstatat(fd, $0, &info, AT_SYMLINK_NOFOLLOW) }) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if !ignore(entry.name) { record.directories.append(entry.name) }
                continue
            }
            let identity = FileIdentity(info)
            let file = File(name: entry.name, identity: identity, ignored: ignore(entry.name))
            record.files.append(file)
            let observed = PollChanges.Observed(path: Self.join(path, entry.name), identity: identity, ignored: file.ignored)
            if let old = known.removeValue(forKey: entry.name) {
                if old.identity != identity { pass.changes.changed.append(observed) }
            } else {
                pass.changes.appeared.append(observed)
            }
        }
        for old in known.values {
            pass.changes.vanished.append(.init(path: Self.join(path, old.name), identity: old.identity, ignored: old.ignored))
        }
        return record
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory + "/" + name
    }

    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
