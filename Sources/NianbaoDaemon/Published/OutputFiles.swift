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
