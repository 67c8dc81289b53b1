#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// Crash-safe whole-file writes: write a temporary file beside the target,
/// fsync it, rename it over the target, then fsync the directory.
///
/// After a crash at any point the target holds either its old or its new
/// content, never a mixture.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically, creating parent directories (mode 0750) as needed.
    public static func write(_ bytes: [UInt8], to path: String, permissions: FilePermissions = [.ownerReadWrite, .groupRead]) throws {
        let target = FilePath(path)
        let directory = target.removingLastComponent()
        try Directories.create(directory.string)
        let temporary = directory.appending(".\(target.lastComponent?.string ?? "file").\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = try FileDescriptor.open(temporary, .writeOnly, options: [.create, .truncate, .exclusiveCreate, .closeOnExec], permissions: permissions)
        do {
            try fd.closeAfter {
                _ = try fd.writeAll(bytes)
                try fd.sync()
            }
            try rename(temporary, to: target)
        } catch {
            _ = try? unlinkIfPresent(temporary)
            throw error
        }
        try Directories.sync(directory.string)
    }

    /// Removes `path` if it exists and fsyncs its directory. Missing files are not an error.
    public static func remove(_ path: String) throws {
        let target = FilePath(path)
        if try unlinkIfPresent(target) {
            try Directories.sync(target.removingLastComponent().string)
        }
    }

    private static func rename(_ from: FilePath, to: FilePath) throws {
        let result = from.withPlatformString { f in to.withPlatformString { t in Glibc.rename(f, t) } }
        if result != 0 { throw Errno(rawValue: errno) }
    }

    @discardableResult
    private static func unlinkIfPresent(_ path: FilePath) throws -> Bool {
        let result = path.withPlatformString { unlink($0) }
        if result == 0 { return true }
        if errno == ENOENT { return false }
        throw Errno(rawValue: errno)
    }
}

extension FileDescriptor {
    /// fsync(2): flushes the file's data and metadata to stable storage.
    public func sync() throws {
        while fsync(rawValue) != 0 {
            if errno == EINTR { continue }
            throw Errno(rawValue: errno)
        }
    }
}

extension AtomicFile {
    /// Writes many files atomically with one flush: every temporary file is
    /// written, the file system is synced once (`syncfs`), every temporary file
    /// is renamed over its target, and each distinct directory is fsynced.
    /// Cheaper than `write` per file when many small files change at once.
    /// Returns the paths that failed, with their errors.
    ///
    /// `files` is read once, in order, and each file's bytes are let go once
    /// written: a lazy sequence makes one file's bytes at a time.
    @discardableResult
    public static func writeBatch<Files: Sequence>(
        _ files: Files, permissions: FilePermissions = [.ownerReadWrite, .groupRead]
    ) -> [(String, any Error)] where Files.Element == (path: String, bytes: [UInt8]) {
        var failures: [(String, any Error)] = []
        var staged: [(temporary: FilePath, target: FilePath)] = []
        var syncFD: FileDescriptor?
        for (path, bytes) in files {
            let target = FilePath(path)
            let directory = target.removingLastComponent()
            let temporary = directory.appending(".\(target.lastComponent?.string ?? "file").\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
            do {
                try Directories.create(directory.string)
                let fd = try FileDescriptor.open(temporary, .writeOnly, options: [.create, .truncate, .exclusiveCreate, .closeOnExec], permissions: permissions)
                do {
                    _ = try fd.writeAll(bytes)
                } catch {
                    try? fd.close()
                    throw error
                }
                if syncFD == nil { syncFD = fd } else { try fd.close() }
                staged.append((temporary, target))
            } catch {
                _ = temporary.withPlatformString { unlink($0) }
                failures.append((path, error))
            }
        }
        if let fd = syncFD {
            if linuxSyncfs(fd.rawValue) != 0 { _ = fsync(fd.rawValue) }
            try? fd.close()
        }
        var directories = Set<String>()
        for (temporary, target) in staged {
            let result = temporary.withPlatformString { t in target.withPlatformString { Glibc.rename(t, $0) } }
            if result != 0 {
                failures.append((target.string, Errno(rawValue: errno)))
                _ = temporary.withPlatformString { unlink($0) }
            } else {
                directories.insert(target.removingLastComponent().string)
            }
        }
        for directory in directories.sorted() { try? Directories.sync(directory) }
        return failures
    }
}

/// syncfs(2): flushes the file system holding `fd` (a GNU extension the Glibc
/// module does not import).
@_silgen_name("syncfs")
private func linuxSyncfs(_ fd: Int32) -> Int32
