#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// A folder named by the user or the configuration (a drop folder, the journal's
/// folder, a writer's root), made like `mkdir -p`, following links in its path as
/// given. Folders inside a tree the daemon writes are made by ``SafeTreeWriter``.
public enum Directories {
    /// Creates `path` and its missing parents (like `mkdir -p`); each folder made is
    /// fsynced into its parent, so it is on stable storage when the call returns.
    public static func create(_ path: String, permissions: mode_t = 0o750) throws {
        if path.isEmpty || path == "/" { return }
        var st = stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { return }
            throw Errno(rawValue: ENOTDIR)
        }
        let parent = FilePath(path).removingLastComponent().string
        if parent != path { try create(parent, permissions: permissions) }
        if mkdir(path, permissions) == 0 {
            try sync(parent)
        } else if errno != EEXIST {
            throw Errno(rawValue: errno)
        }
    }

    /// Whether `path` is a directory (links in the path followed).
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// fsyncs a directory so that renames and unlinks in it are durable.
    static func sync(_ path: String) throws {
        let fd = open(path.isEmpty ? "." : path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw Errno(rawValue: errno) }
        defer { close(fd) }
        if fsync(fd) != 0 && errno != EINVAL { throw Errno(rawValue: errno) }
    }

    /// fsyncs the folder holding `path` (after a rename into it); best effort.
    public static func syncParent(of path: String) {
        try? sync(FilePath(path).removingLastComponent().string)
    }
}
