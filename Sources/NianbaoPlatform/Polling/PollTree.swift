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
/// With `restatEvery` N > 1, the known entries of an unchanged directory are `fstatat`ed
/// on a rotating 1/N share per scan (each file every N-th scan, in a slot fixed when it
/// is first seen), plus, every scan, the files new or changed and not yet found unchanged
/// in `hotScans` scans in a row: a file still being written is looked at every scan
/// until its writer has been quiet for longer than the consumer's settle time, so a
/// writer's pause never leaves a half-written file looking settled for N scans. A new,
/// renamed or removed entry changes its directory's mtime, so it is still
/// seen at the next scan; an in-place rewrite of a known file (same name, the directory
/// untouched) is seen within N scans. N = 1 looks at every file every scan.
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
        /// The name's NUL-terminated file name bytes: no conversion per `fstatat`.
        var cName: [CChar]
        var identity: FileIdentity
        var ignored: Bool
        /// The scans (modulo `restatEvery`) in which the file is looked at while its
        /// directory does not change.
        var slot: Int
        /// Scans left in which the file is looked at whatever its slot: `hotScans` when it
        /// is new or changed, one less at each scan that finds it unchanged.
        var hot: Int

        static func cName(_ name: String) -> [CChar] {
            var bytes = FileNameCoding.encode(name).map { CChar(bitPattern: $0) }
            bytes.append(0)
            return bytes
        }
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
    /// Files of an unchanged directory are looked at every `restatEvery`-th scan.
    let restatEvery: Int
    /// Unchanged scans in a row after which a new or changed file joins the rotation.
    let hotScans: Int
    private var scanCount = 0
    private var nextSlot = 0
    private(set) var directories: [String: Directory] = [:]
    /// Paths of directories that could not be listed, reported once until they can.
    private var reported: Set<String> = []

    /// A tree known empty: the first scan lists everything. `subtree` is relative to `root`;
    /// `restatEvery` and `hotScans` (each at least 1): see the type's description.
    public init(root: String, subtree: String = "", restatEvery: Int = 1, hotScans: Int = 2,
                ignore: @escaping @Sendable (String) -> Bool = TemporaryNames.isTemporary) {
        self.root = root
        self.subtree = subtree
        self.restatEvery = max(1, restatEvery)
        self.hotScans = max(1, hotScans)
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
        scanCount += 1
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
        // Mutated in place through the dictionary: a copy would copy the files array.
        let unchanged = directories[path].map { $0.stamp == stamp && !$0.relistNext } ?? false
        if unchanged {
            restat(fd, path: path, &directories[path]!, &pass)
        } else if let listed = list(fd, path: path, stamp: stamp, previous: directories[path], &pass) {
            directories[path] = listed
        } else if directories[path] != nil {
            // Unlistable now: keep what was known, so nothing is taken for removed.
            directories[path]!.relistNext = true
        } else {
            return
        }
        guard depth < maxDepth, let children = directories[path]?.directories else { return }
        for name in children {
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

    /// The directory did not change: only its known entries are looked at again (those of
    /// this scan's share, see the type's description).
    private func restat(_ fd: Int32, path: String, _ record: inout Directory, _ pass: inout Pass) {
        var info = stat()
        let turn = scanCount % restatEvery
        var index = 0
        while index < record.files.count {
            if restatEvery > 1, record.files[index].hot == 0, record.files[index].slot != turn {
                index += 1
                continue
            }
            let found = record.files[index].cName.withUnsafeBufferPointer { fstatat(fd, $0.baseAddress!, &info, AT_SYMLINK_NOFOLLOW) }
            if found != 0 {
                // Gone although the directory's time stamps stayed (a cached or coarse mtime).
                let file = record.files.remove(at: index)
                pass.changes.vanished.append(.init(path: Self.join(path, file.name), identity: file.identity, ignored: file.ignored))
                record.relistNext = true
                continue
            }
            let identity = FileIdentity(info)
            if identity != record.files[index].identity {
                record.files[index].identity = identity
                record.files[index].hot = hotScans
                let file = record.files[index]
                pass.changes.changed.append(.init(path: Self.join(path, file.name), identity: identity, ignored: file.ignored))
            } else if record.files[index].hot > 0 {
                record.files[index].hot -= 1
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
            let old = known.removeValue(forKey: entry.name)
            let file: File
            let changed: Bool
            if var old {
                changed = old.identity != identity
                old.hot = changed ? hotScans : max(0, old.hot - 1)
                old.identity = identity
                file = old
            } else {
                nextSlot = (nextSlot + 1) % restatEvery
                changed = true
                file = File(name: entry.name, cName: File.cName(entry.name), identity: identity,
                            ignored: ignore(entry.name), slot: nextSlot, hot: hotScans)
            }
            record.files.append(file)
            let observed = PollChanges.Observed(path: Self.join(path, entry.name), identity: identity, ignored: file.ignored)
            if old == nil {
                pass.changes.appeared.append(observed)
            } else if changed {
                pass.changes.changed.append(observed)
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
