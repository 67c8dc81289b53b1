#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// The one way the daemon writes files: status files, derived outputs (year summaries,
/// the page, the metrics file) and receipts all go through it.
///
/// A writer owns a tree below `root`. Paths are lists of components below the root,
/// each a plain name (``PathComponent``), else the call throws `EINVAL` before
/// touching anything. Every folder below the root is opened relative to its parent
/// with `O_NOFOLLOW` (``DirectoryWalk``), so a symbolic link planted in the tree is
/// refused (`ELOOP`/`ENOTDIR`), never followed; the root's own path is followed, as
/// when a user names a folder. Files are never written in place: each is a hidden
/// temporary file renamed over its target (``PendingFile``).
///
/// Folders it creates get `folderPermissions` and files `filePermissions`, exactly
/// (the umask does not narrow them). A folder made inside a setgid folder inherits
/// its group and setgid bit from Linux; the writer never sets the bit itself (the
/// unit's `RestrictSUIDSGID=yes` would refuse it).
///
/// Durability: when a call that writes or removes returns without an error, its
/// effect is on stable storage — file data, the folder entries it changed and every
/// folder it created (each fsynced into its parent). A crash before the return
/// leaves each target with its old content or its new, never a mixture (and at
/// worst a hidden `.….tmp` file beside it). ``Batch`` trades per-file fsyncs for one
/// `syncfs` with the same guarantee per file.
///
/// Blocking: call it from a thread that may wait for the disk.
public struct SafeTreeWriter: Sendable {
    /// The tree's root folder.
    public let root: String
    /// Permission bits of the folders the writer creates (the setgid bit is inherited, never set).
    public var folderPermissions: FilePermissions
    /// Permission bits of the files it writes.
    public var filePermissions: FilePermissions

    public init(
        root: String, folderPermissions: FilePermissions = [.ownerReadWriteExecute, .groupReadExecute],
        filePermissions: FilePermissions = [.ownerReadWrite, .groupRead]
    ) {
        self.root = root
        self.folderPermissions = folderPermissions
        self.filePermissions = filePermissions
    }

    /// A writer whose root is the folder of the file at `path`, and the file's name:
    /// for one file outside any tree (the metrics file, an export, a journal's
    /// compaction). Its folder's path is followed as given.
    public static func forFile(_ path: String, filePermissions: FilePermissions = [.ownerReadWrite, .groupRead]) -> (writer: SafeTreeWriter, name: [String]) {
        let target = FilePath(path)
        let folder = target.removingLastComponent().string
        return (SafeTreeWriter(root: folder.isEmpty ? "." : folder, filePermissions: filePermissions), [target.lastComponent?.string ?? path])
    }

    /// The path of `path` below the root, as text (for messages and keys).
    public func location(_ path: [String]) -> String {
        ([root == "/" ? "" : root] + path).joined(separator: "/")
    }

    /// Replaces the file at `path` with `bytes`, creating missing folders (and the
    /// root). Durable on return; see ``PendingFile/commit()``.
    public func write(_ bytes: [UInt8], to path: [String]) throws {
        let file = try stage(path)
        file.write(bytes)
        try file.commit()
    }

    /// Starts writing the file at `path` as a stream, creating missing folders (and
    /// the root); nothing is visible until ``PendingFile/commit()``.
    public func stage(_ path: [String]) throws -> PendingFile {
        guard let name = path.last, Self.isSafe(path) else { throw Errno.invalidArgument }
        guard let folder = try folder(path.dropLast(), creating: true) else { throw Errno.noSuchFileOrDirectory }
        return try PendingFile(name: name, in: folder, permissions: filePermissions)
    }

    /// Removes the files `names` from the folder `folders` (missing ones, or a missing
    /// folder, are not an error), then each folder of `folders` left empty, deepest
    /// first, keeping the first `keeping` of them (and the root) whatever they hold.
    /// Returns whether a file was removed. The removals are durable on return (the
    /// folders fsynced); emptied folders are removed on a best-effort basis.
    @discardableResult
    public func remove(_ names: [String], in folders: [String], keeping: Int = 0) throws -> Bool {
        guard Self.isSafe(folders), Self.isSafe(names) else { throw Errno.invalidArgument }
        guard let folder = try folder(folders, creating: false) else { return false }
        var removed = false
        for name in names {
            if name.withCString({ unlinkat(folder.fd, $0, 0) }) == 0 {
                removed = true
            } else if errno != ENOENT {
                throw Errno(rawValue: errno)
            }
        }
        if removed { try folder.sync() }
        var depth = folders.count
        while depth > max(keeping, 0) {
            guard let parent = try? self.folder(folders.prefix(depth - 1), creating: false),
                  folders[depth - 1].withCString({ unlinkat(parent.fd, $0, AT_REMOVEDIR) }) == 0 else { break }
            try? parent.sync()
            depth -= 1
        }
        return removed
    }

    /// Reads the regular file at `path` without following a link anywhere below the
    /// root, handing `body` its bytes in pieces of up to 64 KiB until `body` returns
    /// false; returns false if it is not a regular file or cannot be opened or read.
    public func read(_ path: [String], _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        guard let name = path.last, Self.isSafe(path),
              let folder = try? folder(path.dropLast(), creating: false) else { return false }
        let raw = DirectoryWalk.retrying { name.withCString { openat(folder.fd, $0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) } }
        if raw < 0 { return false }
        let fd = FileDescriptor(rawValue: raw)
        let complete = try? fd.closeAfter {
            var info = stat()
            guard fstat(raw, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = try buffer.withUnsafeMutableBytes { try fd.read(into: $0) }
                if count == 0 { return true }
                if !buffer.withUnsafeBytes({ body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }) { return true }
            }
        }
        return complete ?? false
    }

    /// Opens the folder `folders` below the root, walking without following links;
    /// with `creating`, makes the root and any missing folder. Nil when something is
    /// missing and not `creating`.
    func folder(_ folders: some Collection<String>, creating: Bool) throws -> OpenFolder? {
        let rootPath = root.isEmpty ? "." : root
        var rootFD = DirectoryWalk.retrying { open(rootPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        if rootFD < 0 && errno == ENOENT && creating {
            try Directories.create(rootPath, permissions: folderPermissions.rawValue)
            rootFD = DirectoryWalk.retrying { open(rootPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        }
        if rootFD < 0 {
            if errno == ENOENT && !creating { return nil }
            throw Errno(rawValue: errno)
        }
        let creation = creating ? DirectoryWalk.Creation(permissions: folderPermissions) : nil
        switch DirectoryWalk.walk(folders, from: rootFD, closingStart: true, names: .unicode, creating: creation) {
        case .success(let fd): return OpenFolder(fd: fd)
        case .failure(.noSuchFileOrDirectory) where !creating: return nil
        case .failure(let error): throw error
        }
    }

    /// Whether every component is a plain name.
    static func isSafe(_ components: some Collection<String>) -> Bool {
        components.allSatisfy(PathComponent.isPlainName)
    }
}

extension SafeTreeWriter {
    /// Replaces the file at `path` with `bytes` (see ``forFile(_:filePermissions:)``
    /// and ``write(_:to:)``): durable on return.
    public static func replaceFile(at path: String, with bytes: [UInt8], permissions: FilePermissions = [.ownerReadWrite, .groupRead]) throws {
        let (writer, name) = forFile(path, filePermissions: permissions)
        try writer.write(bytes, to: name)
    }

    /// Removes the file at `path` if present; the removal is durable on return.
    public static func removeFile(at path: String) throws {
        let (writer, name) = forFile(path)
        try writer.remove(name, in: [])
    }
}
