#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// The one walk below an open directory that never follows a symbolic link: each
/// component is opened relative to its parent with `O_NOFOLLOW | O_DIRECTORY`, so a
/// link or a file in the way fails with `ELOOP` or `ENOTDIR` instead of leading
/// elsewhere. Readers (``SafeDirectory``) and the writer (``SafeTreeWriter``) both
/// walk with it; only the writer creates what is missing.
enum DirectoryWalk {
    /// How a component's string becomes the bytes of a name.
    enum NameBytes {
        /// ``FileNameCoding``: escaped bytes go back to the original bytes (names read from a folder).
        case fileName
        /// The string's UTF-8 as it is (names the writer makes, valid UTF-8 on disk).
        case unicode

        func withCString<R>(_ name: String, _ body: (UnsafePointer<CChar>) -> R) -> R {
            switch self {
            case .fileName: FileNameCoding.withCString(name, body)
            case .unicode: name.withCString(body)
            }
        }
    }

    /// Folders the walk creates: their permission bits. The group and the setgid bit
    /// come from the parent (Linux gives a folder made in a setgid folder both); a
    /// umask stricter than `permissions` is undone with `fchmod`, keeping an inherited
    /// setgid bit (only then is a mode with the bit set, which `RestrictSUIDSGID=yes`
    /// would refuse; under a umask that lets `permissions` through it never happens).
    /// Each folder made is fsynced into its parent before the walk goes on.
    struct Creation {
        var permissions: FilePermissions
    }

    /// Opens each component below the open directory `start`; `start` is closed on the
    /// way only if `closingStart`. With no components: `start` itself. With `creating`,
    /// a missing component is made. The descriptor returned is the caller's to close.
    static func walk<C: Collection<String>>(
        _ components: C, from start: Int32, closingStart: Bool, names: NameBytes, creating: Creation? = nil
    ) -> Result<Int32, Errno> {
        var fd = start
        var owned = closingStart
        for component in components {
            let next = step(component, in: fd, names: names, creating: creating)
            if owned { close(fd) }
            guard case .success(let opened) = next else { return next }
            fd = opened
            owned = true
        }
        return .success(fd)
    }

    /// Opens the directory `name` in `parent` without following a link, making it first
    /// when missing and `creating` says how.
    static func step(_ name: String, in parent: Int32, names: NameBytes, creating: Creation?) -> Result<Int32, Errno> {
        let flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
        let fd = retrying { names.withCString(name) { openat(parent, $0, flags) } }
        if fd >= 0 { return .success(fd) }
        guard errno == ENOENT, let creating else { return .failure(Errno(rawValue: errno)) }
        let mode = creating.permissions.rawValue
        if names.withCString(name, { mkdirat(parent, $0, mode) }) != 0 {
            // Made by someone else meanwhile: open it as it is.
            if errno != EEXIST { return .failure(Errno(rawValue: errno)) }
            let raced = retrying { names.withCString(name) { openat(parent, $0, flags) } }
            return raced >= 0 ? .success(raced) : .failure(Errno(rawValue: errno))
        }
        if fsync(parent) != 0 && errno != EINVAL { return .failure(Errno(rawValue: errno)) }
        let made = retrying { names.withCString(name) { openat(parent, $0, flags) } }
        if made < 0 { return .failure(Errno(rawValue: errno)) }
        var info = stat()
        if fstat(made, &info) != 0 || (info.st_mode & 0o777 != mode && fchmod(made, mode | (info.st_mode & S_ISGID)) != 0) {
            let code = errno
            close(made)
            return .failure(Errno(rawValue: code))
        }
        return .success(made)
    }

    /// Repeats a system call interrupted by a signal.
    static func retrying(_ call: () -> Int32) -> Int32 {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}
