import Crypto
#if canImport(Glibc)
import Glibc
#endif
import NianbaoPlatform
import Synchronization
import SystemPackage

/// The derived files written so far, by the SHA-256 of their bytes, so a file is
/// rewritten (atomically) only when its bytes changed. The first write of a path
/// compares with what is on disk, so a restart does not rewrite unchanged files.
final class OutputFiles: Sendable {
    private let written = Mutex<[String: String]>([:])

    /// Writes `bytes` to `path` atomically unless it already holds them; returns whether it wrote.
    @discardableResult
    func write(_ bytes: [UInt8], to path: String, permissions: FilePermissions = [.ownerReadWrite, .groupRead]) throws -> Bool {
        let hash = ContentHash.sha256(bytes)
        if written.withLock({ $0[path] }) == hash { return false }
        if let onDisk = try? FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec, .noFollow]),
           let content = try? onDisk.closeAfter({ try Self.readAll(onDisk, limit: bytes.count + 1) }),
           content == bytes {
            written.withLock { $0[path] = hash }
            return false
        }
        try AtomicFile.write(bytes, to: path, permissions: permissions)
        written.withLock { $0[path] = hash }
        return true
    }

    /// Starts writing `path` as a stream (see ``StagedFile``); finish with ``commit(_:)`` or ``discard(_:)``.
    func stage(_ path: String, permissions: FilePermissions = [.ownerReadWrite, .groupRead]) throws -> StagedFile {
        try StagedFile(path: path, permissions: permissions)
    }

    /// Puts a staged file in place unless the target already holds its bytes (by
    /// SHA-256; the first commit of a path hashes what is on disk); returns whether it did.
    @discardableResult
    func commit(_ staged: StagedFile) throws -> Bool {
        let hash = staged.digest
        let path = staged.path
        let known = written.withLock { $0[path] }
        if known == hash || (known == nil && Self.hashOnDisk(path) == hash) {
            staged.remove()
            written.withLock { $0[path] = hash }
            return false
        }
        do {
            try staged.close()
            try staged.temporary.withPlatformString { temporary in
                if rename(temporary, path) != 0 { throw Errno(rawValue: errno) }
            }
        } catch {
            staged.remove()
            throw error
        }
        try Directories.sync(staged.temporary.removingLastComponent().string)
        written.withLock { $0[path] = hash }
        return true
    }

    /// Drops a staged file: the target stays as it is.
    func discard(_ staged: StagedFile) { staged.remove() }

    /// SHA-256 (hex) of the file at `path`, read in 64 KiB pieces; nil if it cannot be read.
    private static func hashOnDisk(_ path: String) -> String? {
        guard let fd = try? FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec, .noFollow]) else { return nil }
        return try? fd.closeAfter {
            var hasher = SHA256()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = try buffer.withUnsafeMutableBytes { try fd.read(into: $0) }
                if n == 0 { break }
                buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<n])) }
            }
            return ContentHash.hex(hasher.finalize())
        }
    }

    /// Removes `path` (if present) and forgets it.
    func remove(_ path: String) throws {
        try AtomicFile.remove(path)
        _ = written.withLock { $0.removeValue(forKey: path) }
    }

    /// Up to `limit` bytes of the file.
    private static func readAll(_ fd: FileDescriptor, limit: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while result.count < limit {
            let n = try buffer.withUnsafeMutableBytes { try fd.read(into: $0) }
            if n == 0 { break }
            result.append(contentsOf: buffer[..<n])
        }
        return result
    }
}
