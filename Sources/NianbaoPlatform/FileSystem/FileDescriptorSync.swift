#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

extension FileDescriptor {
    /// fsync(2): flushes the file's data and metadata to stable storage.
    public func sync() throws {
        while fsync(rawValue) != 0 {
            if errno == EINTR { continue }
            throw Errno(rawValue: errno)
        }
    }
}
