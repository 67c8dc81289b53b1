#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// Reads a file's newline-terminated lines from an offset, streaming: one buffer
/// of 1 MiB (grown only for a longer line), never the whole file. A last line
/// without a newline is not returned (a torn record).
public final class LineReader {
    private let descriptor: FileDescriptor
    private var buffer: [UInt8]
    /// Valid bytes are `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    /// The file offset of `buffer[end]`.
    private var fileOffset: Int64
    private var atEOF = false

    /// The file offset of the next line returned.
    public var offset: Int64 { fileOffset - Int64(end - start) }

    /// Opens `path` at `offset`; nil when the file does not exist.
    public init?(path: String, offset: Int64 = 0) throws {
        do {
            descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
        } catch let error as Errno where error == .noSuchFileOrDirectory {
            return nil
        }
        buffer = [UInt8](repeating: 0, count: 1 << 20)
        fileOffset = offset
    }

    deinit { try? descriptor.close() }

    /// Calls `body` with the next line (without its newline); false at the end.
    /// The bytes are valid only during the call.
    public func next<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T? {
        while true {
            let (lineStart, lineEnd) = (start, end)
            let newline: Int? = buffer.withUnsafeBytes { raw in
                guard lineEnd > lineStart, let found = memchr(raw.baseAddress! + lineStart, 0x0A, lineEnd - lineStart) else { return nil }
                return raw.baseAddress!.distance(to: UnsafeRawPointer(found))
            }
            if let newline {
                start = newline + 1
                return try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[lineStart..<newline])) }
            }
            if atEOF { return nil }
            try fill()
        }
    }

    /// Moves the unread bytes to the front (growing the buffer for a long line) and reads more.
    private func fill() throws {
        if start > 0 {
            buffer.withUnsafeMutableBytes { raw in
                let base = raw.baseAddress!
                memmove(base, base + start, end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let n = try buffer.withUnsafeMutableBytes { raw in
            try descriptor.read(fromAbsoluteOffset: fileOffset, into: UnsafeMutableRawBufferPointer(rebasing: raw[end...]))
        }
        if n == 0 { atEOF = true }
        end += n
        fileOffset += Int64(n)
    }
}
