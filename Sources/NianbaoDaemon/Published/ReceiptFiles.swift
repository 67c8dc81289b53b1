#if canImport(Glibc)
import Glibc
#endif
import NianbaoPlatform
import SystemPackage

/// File operations below a root directory that never leave it: every directory
/// below the root is opened relative to its parent with `O_NOFOLLOW`, so a symbolic
/// link planted in the tree is refused (`ELOOP`/`ENOTDIR`) rather than followed, and
/// `..`, `.`, empty or NUL-holding components are refused before any call.
///
/// Directories it creates get mode 0750 and files 0640. The group and the setgid bit
/// come from the receipts directory itself (tmpfiles makes it 2750 nianbao:nianbao-drop):
/// Linux gives a folder made in a setgid folder the same group and setgid bit, so the
/// whole tree stays readable to the uploaders' group. The daemon never sets the bit
/// itself: `RestrictSUIDSGID=yes` in the unit refuses any mode with it (EPERM).
enum ReceiptFiles {
    /// Permission bits of the directories created below the root: rwxr-x--- (plus the inherited setgid bit).
    static let directoryMode: mode_t = 0o750
    /// Mode of the files written: rw-r-----.
    static let fileMode: mode_t = 0o640

    /// An open directory chain: `fds[0]` is the root, `fds[i]` the directory `components[i-1]`.
    struct Chain: ~Copyable {
        var fds: [Int32]
        var components: [String]
        var last: Int32 { fds[fds.count - 1] }
        deinit { for fd in fds { close(fd) } }
    }

    /// Whether every component is a plain name.
    static func isSafe(_ components: [String]) -> Bool {
        components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("/") && !$0.contains("\0") }
    }

    /// Opens `root` and each directory of `components` below it, creating missing ones
    /// when `create` (else stops at the first missing one, returning the shorter chain).
    static func open(root: String, _ components: [String], create: Bool) throws -> Chain {
        guard isSafe(components) else { throw Errno.invalidArgument }
        if create { try Directories.create(root, permissions: directoryMode) }
        let rootFD = retrying { Glibc.open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        if rootFD < 0 { throw Errno(rawValue: errno) }
        var chain = Chain(fds: [rootFD], components: [])
        for component in components {
            var fd = retrying { openat(chain.last, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            if fd < 0 && errno == ENOENT {
                guard create else { return chain }
                if mkdirat(chain.last, component, directoryMode) != 0 && errno != EEXIST { throw Errno(rawValue: errno) }
                fd = retrying { openat(chain.last, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
                // A umask stricter than 027 would hide the folder from the group: widen it, keeping
                // the inherited setgid bit (only then is a mode with the bit set, which the unit's
                // filter would refuse; under UMask=0027 it is never needed).
                var info = stat()
                if fd >= 0 && fstat(fd, &info) == 0 && info.st_mode & 0o777 != directoryMode
                    && fchmod(fd, directoryMode | (info.st_mode & S_ISGID)) != 0 {
                    close(fd)
                    throw Errno(rawValue: errno)
                }
            }
            if fd < 0 { throw Errno(rawValue: errno) }
            chain.fds.append(fd)
            chain.components.append(component)
        }
        return chain
    }

    /// Writes `bytes` as `name` in the directory `dir` atomically (temporary file,
    /// fsync, rename, fsync of the directory). An existing `name` that is a symbolic
    /// link is replaced by the rename, never written through.
    static func write(_ bytes: [UInt8], name: String, in dir: Int32) throws {
        guard isSafe([name]) else { throw Errno.invalidArgument }
        let temporary = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = retrying { openat(dir, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, fileMode) }
        if fd < 0 { throw Errno(rawValue: errno) }
        let descriptor = FileDescriptor(rawValue: fd)
        do {
            try descriptor.closeAfter {
                if fchmod(fd, fileMode) != 0 { throw Errno(rawValue: errno) }
                _ = try descriptor.writeAll(bytes)
                try descriptor.sync()
            }
            if renameat(dir, temporary, dir, name) != 0 { throw Errno(rawValue: errno) }
        } catch {
            _ = unlinkat(dir, temporary, 0)
            throw error
        }
        if fsync(dir) != 0 && errno != EINVAL { throw Errno(rawValue: errno) }
    }

    /// Removes `names` from `dir` (missing ones are not an error); returns whether any was removed.
    @discardableResult
    static func remove(_ names: [String], in dir: Int32) throws -> Bool {
        var removed = false
        for name in names where isSafe([name]) {
            if unlinkat(dir, name, 0) == 0 { removed = true } else if errno != ENOENT { throw Errno(rawValue: errno) }
        }
        if removed && fsync(dir) != 0 && errno != EINVAL { throw Errno(rawValue: errno) }
        return removed
    }

    /// Removes the chain's directories that are empty, deepest first, stopping at the
    /// first that is not (the root itself stays).
    static func prune(_ chain: borrowing Chain) {
        var index = chain.components.count
        while index > 0 {
            if unlinkat(chain.fds[index - 1], chain.components[index - 1], AT_REMOVEDIR) != 0 { return }
            _ = fsync(chain.fds[index - 1])
            index -= 1
        }
    }

    private static func retrying(_ call: () -> Int32) -> Int32 {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}
