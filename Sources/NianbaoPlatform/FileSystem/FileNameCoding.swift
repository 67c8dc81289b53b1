#if canImport(Glibc)
import Glibc
#endif

/// Lossless conversion between Linux file names (any bytes but NUL and '/') and
/// Swift strings.
///
/// Valid UTF-8 decodes as usual. Each byte that is not part of valid UTF-8 (a
/// GBK name, say) becomes the private-use scalar U+10FF00 + byte, and encodes
/// back to that byte, so a report with such a name is still opened, judged and
/// reported under its exact name (the journal gets the original bytes).
///
/// A name that is valid UTF-8 but holds one of U+10FF00 … U+10FFFF itself has
/// that scalar's four bytes escaped too, so every name decodes to a string that
/// encodes back to exactly its bytes (otherwise U+10FF41 would come back as "A",
/// naming another file).
public enum FileNameCoding {
    static let escapeBase: UInt32 = 0x10FF00

    /// The string for a file name's bytes.
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        if let valid = String(validating: bytes, as: UTF8.self), !mayHoldEscapes(valid) { return valid }
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var pending = Array(bytes)[...]
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar.value >= escapeBase {
                    // Itself in the escape range: kept as its bytes, each escaped.
                    for byte in encoded { scalars.append(Unicode.Scalar(escapeBase + UInt32(byte))!) }
                } else {
                    scalars.append(scalar)
                }
                pending = pending.dropFirst(encoded.count)
            case .error(let length):
                for byte in pending.prefix(length) {
                    scalars.append(Unicode.Scalar(escapeBase + UInt32(byte))!)
                }
                pending = pending.dropFirst(length)
            case .emptyInput:
                return String(scalars)
            }
        }
    }

    /// The file name bytes for a string made by `decode` (or any string).
    public static func encode(_ string: String) -> [UInt8] {
        guard mayHoldEscapes(string) else { return Array(string.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            if scalar.value >= escapeBase {
                bytes.append(UInt8(scalar.value - escapeBase))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// Whether `string` may hold an escaped byte: U+10FF00 … U+10FFFF are the only scalars
    /// whose UTF-8 starts with 0xF4 0x8F 0xBC … 0xBF, so a name without 0xF4 has none
    /// (a byte scan instead of decoding every scalar of every path).
    static func mayHoldEscapes(_ string: String) -> Bool {
        string.utf8.contains(0xF4) && string.unicodeScalars.contains(where: { $0.value >= escapeBase })
    }

    /// Calls `body` with the NUL-terminated file name bytes of `string`.
    public static func withCString<R>(_ string: String, _ body: (UnsafePointer<CChar>) -> R) -> R {
        guard mayHoldEscapes(string) else { return string.withCString(body) }
        var bytes = encode(string)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}
