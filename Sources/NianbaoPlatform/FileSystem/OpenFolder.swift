#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// A folder below a ``SafeTreeWriter``'s root, open as a descriptor reached without
/// following a link; closed when the last reference goes. Names inside it are
/// resolved relative to the descriptor, so a folder renamed or replaced by a link
/// meanwhile cannot redirect a write.
final class OpenFolder {
    let fd: Int32

    init(fd: Int32) { self.fd = fd }

    deinit { close(fd) }

    /// fsync(2) of the folder: its entries (renames, unlinks, new folders) reach stable storage.
    func sync() throws {
        if fsync(fd) != 0 && errno != EINVAL { throw Errno(rawValue: errno) }
    }

    /// The device of the file system holding the folder.
    func device() throws -> dev_t {
        var info = stat()
        if fstat(fd, &info) != 0 { throw Errno(rawValue: errno) }
        return info.st_dev
    }

    /// syncfs(2): flushes the whole file system holding the folder, data and metadata.
    func syncFileSystem() throws {
        if linuxSyncfs(fd) != 0 { throw Errno(rawValue: errno) }
    }
}

/// syncfs(2) (a GNU extension the Glibc module does not import).
@_silgen_name("syncfs")
private func linuxSyncfs(_ fd: Int32) -> Int32
