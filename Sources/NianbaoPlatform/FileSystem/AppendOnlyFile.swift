#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// An append-only file of newline-terminated records (JSON Lines), durable on `sync()`.
///
/// On open, a torn last record (bytes after the final newline, left by a crash
/// mid-write) is cut off so the file again ends on a record boundary; the torn
/// bytes are returned to the caller for logging.
///
/// Sendable for one pattern: `append` calls are serialized by the owner (the
/// verdict journal holds a lock around them), while `sync` may run on another
/// thread at the same time (fdatasync on the same descriptor is thread-safe).
public final class AppendOnlyFile: @unchecked Sendable {
    private let descriptor: FileDescriptor
    /// The path the file was opened at.
    public let path: String
    /// Bytes removed from the end at open because they did not end in a newline.
    public let repairedTail: [UInt8]
    /// The size up to the last complete record.
    private var size: Int64

    /// Opens (creating if needed) `path` for appending and repairs a torn tail.
    public init(path: String) throws {
        self.path = path
        try Directories.create(FilePath(path).removingLastComponent().string)
        let fd = try FileDescriptor.open(FilePath(path), .readWrite, options: [.create, .append, .closeOnExec], permissions: [.ownerReadWrite, .groupRead])
        do {
            self.repairedTail = try Self.repairTail(fd)
            self.size = try fd.seek(offset: 0, from: .end)
        } catch {
            try? fd.close()
            throw error
        }
        self.descriptor = fd
    }

    deinit {
        try? descriptor.close()
    }

    /// Appends one record; a newline is added. Not durable until `sync()`.
    ///
    /// If the write fails part-way (ENOSPC, EDQUOT, EIO), the file is cut back to
    /// the last complete record before the error is thrown, so no torn line is
    /// ever left in the middle of the file for a later record to be glued onto.
    public func append(_ record: [UInt8]) throws {
        var line = record
        line.append(0x0A)
        do {
            _ = try descriptor.writeAll(line)
            size += Int64(line.count)
        } catch {
            _ = ftruncate(descriptor.rawValue, off_t(size))
            throw error
        }
    }

    /// Makes everything appended so far durable (fdatasync).
    public func sync() throws {
        while fdatasync(descriptor.rawValue) != 0 {
            if errno == EINTR { continue }
            throw Errno(rawValue: errno)
        }
    }

    /// Reads the whole file (for replay at start). Records are the lines.
    public static func readAll(path: String) throws -> [UInt8] {
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
        } catch {
            if let e = error as? Errno, e == .noSuchFileOrDirectory { return [] }
            throw error
        }
        defer { try? fd.close() }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try buffer.withUnsafeMutableBytes { raw in
                try fd.read(into: raw)
            }
            if n == 0 { break }
            result.append(contentsOf: buffer[0..<n])
        }
        return result
    }

    private static func repairTail(_ fd: FileDescriptor) throws -> [UInt8] {
        let size = try fd.seek(offset: 0, from: .end)
        if size == 0 { return [] }
        // Scan backwards in chunks for the last newline.
        var end = size
        var tail: [UInt8] = []
        let chunk: Int64 = 4096
        while end > 0 {
            let start = max(0, end - chunk)
            var buffer = [UInt8](repeating: 0, count: Int(end - start))
            let n = try buffer.withUnsafeMutableBytes { raw in
                try fd.read(fromAbsoluteOffset: start, into: raw)
            }
            buffer.removeLast(buffer.count - n)
            if let index = buffer.lastIndex(of: 0x0A) {
                let cut = start + Int64(index) + 1
                tail = Array(buffer[(index + 1)...]) + tail
                if cut < size {
                    if ftruncate(fd.rawValue, off_t(cut)) != 0 { throw Errno(rawValue: errno) }
                    while fsync(fd.rawValue) != 0 {
                        if errno == EINTR { continue }
                        throw Errno(rawValue: errno)
                    }
                }
                return cut < size ? tail : []
            }
            tail = buffer + tail
            end = start
        }
        // No newline at all: the whole file is one torn record.
        if ftruncate(fd.rawValue, 0) != 0 { throw Errno(rawValue: errno) }
        return tail
    }
}
