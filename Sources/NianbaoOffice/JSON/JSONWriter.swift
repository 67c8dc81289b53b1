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
public struct JSONWriter: Sendable {
    /// The JSON written so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether the next key or value needs a comma before it.
    private var needsComma = false

    /// An object key escaped once, for keys written again and again (table rows and columns).
    public struct Key: Sendable, Hashable {
        /// The quoted, escaped key and its colon.
        fileprivate let bytes: [UInt8]

        /// The key `name`.
        public init(_ name: String) {
            var writer = JSONWriter(capacity: name.utf8.count + 3)
            writer.appendQuoted(name)
            writer.bytes.append(UInt8(ascii: ":"))
            bytes = writer.bytes
        }
    }

    /// An empty writer; `capacity` bytes are reserved up front (a verdict record with
    /// its tables takes 5 to 15 KB).
    public init(capacity: Int = 16_384) {
        bytes.reserveCapacity(capacity)
    }

    /// Opens an object (as a value: after a key, in an array, or at the top).
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Opens an array.
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key; the next call writes its value.
    public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes an object key escaped beforehand; the next call writes its value.
    public mutating func key(_ key: Key) {
        separate()
        bytes.append(contentsOf: key.bytes)
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
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    /// Writes null.
    public mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])   // null
        needsComma = true
    }

    /// Writes a value that writes itself.
    public mutating func value(_ value: some JSONWritable) {
        value.write(to: &self)
    }

    /// Writes a value that writes itself, or null.
    public mutating func value(_ value: (some JSONWritable)?) {
        if let value { value.write(to: &self) } else { null() }
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendDecimal(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // The magnitude as UInt, so that Int.min does not trap; digits last to first, then reversed.
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in 0 ..< utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart ..< index])) }
                appendEscape(byte)
                runStart = index + 1
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            // Only bytes below 0x20 get here: \u000X or \u001X, lowercase hex as JSONEncoder writes.
            let low = byte & 0xF
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), UInt8(ascii: "0") + (byte >> 4),
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
