#if canImport(Glibc)
import Glibc
#endif

/// Paths longer than PATH_MAX, which `open(2)`, `lstat(2)` and `inotify_add_watch(2)`
/// refuse with ENAMETOOLONG: the parent folder is reached in pieces with `openat`
/// (each piece well below PATH_MAX, resolved as the kernel resolves a path), and the
/// last name used relative to it. A report nested past PATH_MAX is still found,
/// watched, judged and checked for presence.
public enum LongPath {
    /// Longest path handed to the kernel in one piece.
    static let piece = 2048
    /// O_PATH (Linux; Glibc exports it only under _GNU_SOURCE): a descriptor that only names.
    public static let openPath: Int32 = 0o10000000
    /// Paths at least this long go through ``withParent(_:_:)``.
    public static let limit = Int(PATH_MAX)

    /// Whether `path` is too long for the kernel in one piece.
    public static func isLong(_ path: String) -> Bool { path.utf8.count >= limit }

    /// Calls `body` with a descriptor of the folder holding the last component of
    /// `path` (absolute) and that component's name; nil when the folder cannot be
    /// opened (errno set). The descriptor is closed after `body`.
    public static func withParent<R>(_ path: String, _ body: (Int32, String) -> R) -> R? {
        var components = path.split(separator: "/").map(String.init)
        guard let name = components.popLast() else { return nil }
        var fd = AT_FDCWD
        var chunk = path.hasPrefix("/") ? "/" : ""
        func step() -> Bool {
            let next = DirectoryWalk.retrying { FileNameCoding.withCString(chunk) { openat(fd, $0, openPath | O_DIRECTORY | O_CLOEXEC) } }
            let code = errno
            if fd != AT_FDCWD { close(fd) }
            errno = code
            guard next >= 0 else { return false }
            fd = next
            chunk = ""
            return true
        }
        for component in components {
            if chunk.utf8.count + component.utf8.count + 1 > piece, !chunk.isEmpty, !step() { return nil }
            chunk += chunk.isEmpty || chunk.hasSuffix("/") ? component : "/" + component
        }
        if !chunk.isEmpty, !step() { return nil }
        defer { if fd != AT_FDCWD { close(fd) } }
        return body(fd, name)
    }

    /// `lstat` of a path of any length; nil when it cannot be reached.
    public static func lstat(_ path: String) -> stat? {
        if !isLong(path) {
            var info = stat()
            return FileNameCoding.withCString(path, { Glibc.lstat($0, &info) }) == 0 ? info : nil
        }
        return withParent(path) { fd, name -> stat? in
            var info = stat()
            return FileNameCoding.withCString(name, { fstatat(fd, $0, &info, AT_SYMLINK_NOFOLLOW) }) == 0 ? info : nil
        } ?? nil
    }

    /// `open(path, flags)` for a path of any length (`O_NOFOLLOW` applies to the last name).
    public static func open(_ path: String, _ flags: Int32) -> Int32 {
        if !isLong(path) { return DirectoryWalk.retrying { FileNameCoding.withCString(path) { Glibc.open($0, flags) } } }
        return withParent(path) { fd, name in
            DirectoryWalk.retrying { FileNameCoding.withCString(name) { openat(fd, $0, flags) } }
        } ?? -1
    }
}
