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
    /// Bytes removed from the end at open because they did not end in a newline
    /// (the first ``keptTailBytes`` of them).
    public let repairedTail: [UInt8]
    /// How many bytes were removed from the end at open.
    public let repairedByteCount: Int
    /// The size up to the last complete record.
    private var size: Int64

    /// Opens (creating if needed) `path` for appending and repairs a torn tail.
    public init(path: String) throws {
        self.path = path
        try Directories.create(FilePath(path).removingLastComponent().string)
        let fd = try FileDescriptor.open(FilePath(path), .readWrite, options: [.create, .append, .closeOnExec], permissions: [.ownerReadWrite, .groupRead])
        do {
            (self.repairedTail, self.repairedByteCount) = try Self.repairTail(fd)
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

    /// Whether the file open is no longer the one at ``path`` (unlinked, or replaced
    /// by another file): records written now would be lost at the next start.
    public var isReplaced: Bool {
        var open = stat()
        var named = stat()
        guard fstat(descriptor.rawValue, &open) == 0 else { return false }
        if open.st_nlink == 0 { return true }
        guard stat(path, &named) == 0 else { return true }
        return named.st_dev != open.st_dev || named.st_ino != open.st_ino
    }

    /// Which file this is (device, inode) and how long it is: where a checkpoint of
    /// what was appended so far points to. Call under the same serialization as `append`.
    public func position() throws -> FilePosition {
        var info = stat()
        guard fstat(descriptor.rawValue, &info) == 0 else { throw Errno(rawValue: errno) }
        return FilePosition(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), offset: size)
    }

    /// Makes everything appended so far durable (fdatasync).
    public func sync() throws {
        while fdatasync(descriptor.rawValue) != 0 {
            if errno == EINTR { continue }
            throw Errno(rawValue: errno)
        }
    }

    /// At most this many bytes of a torn tail are kept for the log (the count is exact).
    /// Reads a whole small file (the review marks; the journal is streamed instead).
    /// A missing file reads as empty.
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

    public static let keptTailBytes = 4096

    /// Cuts the file back to its last newline, reading backwards in 1 MiB chunks:
    /// linear in the torn tail's size (a 100 MB tail is one pass, no copying).
    private static func repairTail(_ fd: FileDescriptor) throws -> (kept: [UInt8], count: Int) {
        let size = try fd.seek(offset: 0, from: .end)
        if size == 0 { return ([], 0) }
        var end = size
        let chunk: Int64 = 1 << 20
        var buffer = [UInt8](repeating: 0, count: Int(chunk))
        var cut: Int64 = 0
        search: while end > 0 {
            let start = max(0, end - chunk)
            let count = Int(end - start)
            let n = try buffer.withUnsafeMutableBytes { raw in
                try fd.read(fromAbsoluteOffset: start, into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<count]))
            }
            // The last newline, by memchr from each hit on (memrchr is not in Glibc's module).
            let found: Int? = buffer.withUnsafeBytes { raw in
                guard n > 0, let base = raw.baseAddress else { return nil }
                var last: Int?
                var from = 0
                while from < n, let hit = memchr(base + from, 0x0A, n - from) {
                    let index = base.distance(to: UnsafeRawPointer(hit))
                    last = index
                    from = index + 1
                }
                return last
            }
            if let index = found {
                cut = start + Int64(index) + 1
                break search
            }
            end = start
        }
        guard cut < size else { return ([], 0) }
        let keptCount = Int(min(Int64(keptTailBytes), size - cut))
        var kept = [UInt8](repeating: 0, count: keptCount)
        let read = try kept.withUnsafeMutableBytes { try fd.read(fromAbsoluteOffset: cut, into: $0) }
        kept.removeLast(keptCount - read)
        if ftruncate(fd.rawValue, off_t(cut)) != 0 { throw Errno(rawValue: errno) }
        while fsync(fd.rawValue) != 0 {
            if errno == EINTR { continue }
            throw Errno(rawValue: errno)
        }
        return (kept, Int(size - cut))
    }
}

/// A place in a file: which file (device, inode) and a byte offset.
public struct FilePosition: Sendable, Hashable, Codable {
    public var device: UInt64
    public var inode: UInt64
    public var offset: Int64

    public init(device: UInt64, inode: UInt64, offset: Int64) {
        self.device = device
        self.inode = inode
        self.offset = offset
    }

    /// The identity of the file at `path` (offset 0), nil when it does not exist.
    public static func of(path: String) -> FilePosition? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FilePosition(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), offset: Int64(info.st_size))
    }

    /// Whether both name the same file.
    public func sameFile(as other: FilePosition) -> Bool { device == other.device && inode == other.inode }
}
