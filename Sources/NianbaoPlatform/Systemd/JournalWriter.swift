import CSystemd
import Glibc

/// A failed `sd_journal_sendv` call; `errno` is the positive error number.
public struct JournalSendError: Error, Sendable, Equatable {
    /// The error number `sd_journal_sendv` returned (negated back to positive).
    public let errno: Int32
}

/// The native journal seam: sends structured entries with `sd_journal_sendv`.
///
/// Each field travels as its own `iovec` of `NAME=value` bytes. Values are raw
/// bytes: newlines, quotes and invalid UTF-8 arrive intact, because
/// `sd_journal_sendv` switches a field holding a newline to the journal's
/// length-prefixed binary encoding, so a value can never forge another field.
/// Field names are passed through ``JournalFieldName/sanitize(_:prefix:)``.
public struct JournalWriter: Sendable {
    /// Creates a writer. It holds no state; libsystemd keeps the socket.
    public init() {}

    /// Sends one entry made of `fields`, in order. Repeated names are allowed.
    ///
    /// An entry should carry `MESSAGE`; `PRIORITY` defaults to 6 (info) in
    /// journald when absent.
    public func send(fields: [(String, [UInt8])]) throws(JournalSendError) {
        guard !fields.isEmpty else { return }
        var buffer: [UInt8] = []
        var ranges: [(offset: Int, count: Int)] = []
        ranges.reserveCapacity(fields.count)
        for (name, value) in fields {
            let start = buffer.count
            buffer.append(contentsOf: JournalFieldName.sanitize(name).utf8)
            buffer.append(UInt8(ascii: "="))
            buffer.append(contentsOf: value)
            ranges.append((start, buffer.count - start))
        }
        let result = buffer.withUnsafeMutableBytes { raw -> Int32 in
            let base = raw.baseAddress!
            var vectors = ranges.map { iovec(iov_base: base + $0.offset, iov_len: $0.count) }
            return vectors.withUnsafeMutableBufferPointer {
                sd_journal_sendv($0.baseAddress, Int32($0.count))
            }
        }
        if result < 0 { throw JournalSendError(errno: -result) }
    }

    /// Sends one entry whose values are strings (sent as their UTF-8 bytes).
    public func send(fields: [(String, String)]) throws(JournalSendError) {
        try send(fields: fields.map { ($0.0, Array($0.1.utf8)) })
    }
}
