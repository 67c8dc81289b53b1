#if canImport(Glibc)
import Glibc
#endif

/// Opening directories below a root without following symbolic links, and listing them.
enum SafeDirectory {
    /// Opens `root`, then each directory component below it with `O_NOFOLLOW | O_DIRECTORY`.
    /// A symbolic link or a non-directory on the way is refused as `.outsideRoot`.
    static func open<C: Collection<String>>(_ components: C, within root: String) -> Result<Int32, SafeReadRefusal> {
        let fd = DirectoryWalk.retrying { Glibc.open(CanonicalPath.trimmed(root), O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        if fd < 0 { return .failure(refusal(errno)) }
        return walk(components, from: fd, closingStart: true)
    }

    /// Opens each directory component below the open directory `start`, as `open` does;
    /// `start` is closed on the way only if `closingStart`. With no components: `start` itself.
    static func walk<C: Collection<String>>(_ components: C, from start: Int32, closingStart: Bool) -> Result<Int32, SafeReadRefusal> {
        DirectoryWalk.walk(components, from: start, closingStart: closingStart, names: .fileName).mapError { error in
            // ELOOP: a symbolic link; ENOTDIR: a file or a symbolic link in the way.
            error == .tooManySymbolicLinkLevels || error == .notDirectory ? .outsideRoot : refusal(error.rawValue)
        }
    }

    /// One entry of a directory listing.
    struct Entry {
        var name: String
        var kind: FileKind
    }

    /// Lists the directory open as `fd` (which stays open), skipping `.` and `..`.
    /// Names that are not valid UTF-8 are kept losslessly (see ``FileNameCoding``).
    static func list(_ fd: Int32) -> (entries: [Entry], error: Int32) {
        let own = dup(fd)
        if own < 0 { return ([], errno) }
        guard let dir = fdopendir(own) else {
            let code = errno
            close(own)
            return ([], code)
        }
        defer { closedir(dir) }
        var entries: [Entry] = []
        while true {
            errno = 0
            guard let ent = readdir(dir) else {
                return (entries, errno)
            }
            let nameBytes: [UInt8] = withUnsafeBytes(of: &ent.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if nameBytes == [0x2E] || nameBytes == [0x2E, 0x2E] { continue }
            let name = FileNameCoding.decode(nameBytes)
            var kind = FileKind(directoryEntryType: ent.pointee.d_type)
            if kind == nil {
                var st = stat()
                if FileNameCoding.withCString(name, { fstatat(fd, $0, &st, AT_SYMLINK_NOFOLLOW) }) != 0 { continue }
                kind = FileKind(mode: st.st_mode)
            }
            entries.append(Entry(name: name, kind: kind ?? .unknown))
        }
    }

    static func refusal(_ code: Int32) -> SafeReadRefusal {
        switch code {
        case ENOENT, ENOTDIR: .vanished
        case EACCES, EPERM: .permissionDenied
        case ELOOP: .notRegularFile(kind: .symlink)
        case ENXIO: .notRegularFile(kind: .socket)
        default: .ioError(errno: code)
        }
    }
}
