/// Writes JSON text straight into a byte buffer, for records written once per report
/// (`check --json`, the verdict journal), where Foundation's `JSONEncoder` costs more
/// than checking the report.
///
/// The caller writes keys in the order it wants (the records write them sorted, as
/// `JSONEncoder` with `.sortedKeys` does); the writer places the commas and colons.
/// Strings are escaped per RFC 8259: `"` and `\` with a backslash, control characters
/// as `\b \t \n \f \r` or `\u00XX`; everything else, slashes and non-ASCII included, is
/// written as its UTF-8 bytes. Output matches `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` byte for byte.
public struct JSONWriter: ~Copyable {
    private var sink: ByteSink
    /// The JSON written so far (a copy: read it once, at the end).
    public var bytes: [UInt8] { sink.array }
    /// Whether the next key or value needs a comma before it.
    private var needsComma = false

    /// An object key escaped once, for keys written again and again (table rows and
    /// columns). Make keys once (globals): their bytes are kept for the life of the process.
    public struct Key: Sendable {
        /// The quoted, escaped key and its colon.
        fileprivate let bytes: ConstantBytes<UInt8>

        /// The key `name`.
        public init(_ name: String) {
            var writer = JSONWriter(capacity: name.utf8.count + 3)
            writer.appendQuoted(name)
            writer.sink.append(UInt8(ascii: ":"))
            bytes = ConstantBytes(writer.bytes)
        }
    }

    /// An empty writer; `capacity` bytes are reserved up front (a verdict record with
    /// its tables takes 5 to 15 KB).
    public init(capacity: Int = 16_384) {
        sink = ByteSink(capacity: capacity)
    }

    /// Opens an object (as a value: after a key, in an array, or at the top).
    public mutating func beginObject() {
        separate()
        sink.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        sink.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Opens an array.
    public mutating func beginArray() {
        separate()
        sink.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        sink.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key; the next call writes its value.
    public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        sink.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes an object key escaped beforehand; the next call writes its value.
    public mutating func key(_ key: Key) {
        separate()
        sink.append(key.bytes.buffer)
        needsComma = false
    }

    /// Writes a string value.
    public mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
        needsComma = true
    }

    /// Writes a string value, or null.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Writes an integer value.
    public mutating func integer(_ value: Int) {
        separate()
        appendDecimal(value)
        needsComma = true
    }

    /// Writes an integer value, or null.
    public mutating func integer(_ value: Int?) {
        if let value { integer(value) } else { null() }
    }

    /// Writes a floating-point value as `JSONEncoder` does (Swift's shortest
    /// round-tripping form, a trailing `.0` dropped); null when not finite, which JSON cannot hold.
    public mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        separate()
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        sink.append(utf8: text)
        needsComma = true
    }

    /// Writes null.
    public mutating func null() {
        separate()
        appendNull()   // null
        needsComma = true
    }

    /// Writes an object of integers (or nulls) under fixed keys: `{"k0":v0,"k1":v1,…}`,
    /// where key `i` takes `values[offset + keys.sources[i]]` (null when absent or past
    /// the end) — one pass over keys escaped once, for the table rows and groups written
    /// for every report, with nothing retained per cell.
    public mutating func object(_ keys: KeyList, values: [Int?], offset: Int = 0) {
        beginObject()
        var start = 0
        for (end, source) in keys.layout.buffer {
            sink.append(UnsafeBufferPointer(rebasing: keys.bytes.buffer[start ..< end]))
            start = end
            let index = offset + source
            if index < values.count, let number = values[index] { appendDecimal(number) } else { appendNull() }
        }
        endObject()
    }

    /// Object keys escaped once into one buffer, each with its colon and every one but
    /// the first with the comma before it, and where each key's value comes from (for
    /// ``object(_:values:offset:)``). Make key lists once (globals): they are kept for the
    /// life of the process.
    public struct KeyList: Sendable {
        fileprivate let bytes: ConstantBytes<UInt8>
        /// For each key, where its bytes end and the index of its value.
        fileprivate let layout: ConstantBytes<(end: Int, source: Int)>

        /// The keys `names`, in the order they will be written; key `i` takes value
        /// `sources[i]` (by default: value `i`).
        public init(_ names: [String], sources: [Int]? = nil) {
            var writer = JSONWriter(capacity: names.reduce(0) { $0 + $1.utf8.count + 4 })
            var layout: [(end: Int, source: Int)] = []
            for (index, name) in names.enumerated() {
                if index > 0 { writer.sink.append(UInt8(ascii: ",")) }
                writer.appendQuoted(name)
                writer.sink.append(UInt8(ascii: ":"))
                layout.append((writer.sink.count, sources?[index] ?? index))
            }
            bytes = ConstantBytes(writer.bytes)
            self.layout = ConstantBytes(layout)
        }
    }

    /// Writes a value that writes itself.
    public mutating func value(_ value: some JSONWritable) {
        value.write(to: &self)
    }

    /// Writes a value that writes itself, or null.
    public mutating func value(_ value: (some JSONWritable)?) {
        if let value { value.write(to: &self) } else { null() }
    }

    private mutating func appendNull() {
        for byte in "null".utf8 { sink.append(byte) }
    }

    private mutating func separate() {
        if needsComma { sink.append(UInt8(ascii: ",")) }
    }

    private mutating func appendDecimal(_ value: Int) {
        if value >= 0 && value < 10 { return sink.append(UInt8(ascii: "0") + UInt8(value)) }
        if value < 0 { sink.append(UInt8(ascii: "-")) }
        // The magnitude as UInt, so that Int.min does not trap; digits last to first into
        // a buffer on the stack (20 digits at most), then appended at once.
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            sink.append(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[start...]))
        }
    }

    private mutating func appendQuoted(_ text: String) {
        sink.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            while true {
                let index = Self.firstToEscape(in: utf8, from: runStart)
                if runStart < index { sink.append(UnsafeBufferPointer(rebasing: utf8[runStart ..< index])) }
                guard index < utf8.count else { break }
                appendEscape(utf8[index])
                runStart = index + 1
            }
        }
        sink.append(UInt8(ascii: "\""))
    }

    /// The index of the first byte from `start` on that JSON must escape (a control
    /// character, `"` or `\`), or `utf8.count`: eight bytes at a time while none of
    /// them is one (the usual bit tricks for "some byte is zero / below n"), then byte by byte.
    private static func firstToEscape(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = utf8.baseAddress else { return utf8.count }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = start
        let raw = UnsafeRawPointer(base)
        while index + 8 <= utf8.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let control = (word &- ones &* 0x20) & ~word & highs != 0
            if control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) { break }
            index += 8
        }
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return index
    }

    private mutating func appendEscape(_ byte: UInt8) {
        sink.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): sink.append(byte)
        case 0x08: sink.append(UInt8(ascii: "b"))
        case 0x09: sink.append(UInt8(ascii: "t"))
        case 0x0A: sink.append(UInt8(ascii: "n"))
        case 0x0C: sink.append(UInt8(ascii: "f"))
        case 0x0D: sink.append(UInt8(ascii: "r"))
        default:
            // Only bytes below 0x20 get here: \u000X or \u001X, lowercase hex as JSONEncoder writes.
            let low = byte & 0xF
            sink.append([UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), UInt8(ascii: "0") + (byte >> 4),
                                      low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10])
        }
    }
}

/// A value that writes itself as JSON with a `JSONWriter` (one value: an object,
/// array, string, number or null).
public protocol JSONWritable {
    /// Writes the value at the writer's current position.
    func write(to writer: inout JSONWriter)
}

extension JSONWritable {
    /// The value as JSON bytes.
    public func jsonBytes() -> [UInt8] {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.bytes
    }
}
