/// Compact JSON re-indented the way `JSONEncoder` with `.prettyPrinted` writes it:
/// two spaces per level, `"key" : value`, one element per line, an empty array
/// or object as `[`, an empty line, `]`. String contents are copied as they are.
///
/// A status file is its verdict's journal line (compact, written by `JSONWriter`,
/// byte for byte `JSONEncoder`'s compact output) put through this, so it holds the
/// same bytes `JSONLine.pretty(record)` would, without encoding the record again.
enum PrettyJSON {
    /// `compact` (JSON without whitespace outside strings) pretty-printed, with a final newline.
    static func format(_ compact: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(compact.count * 2 + 64)
        var depth = 0
        var lineStart = false
        var inString = false
        var escaped = false
        for byte in compact {
            if inString {
                out.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                indentIfLineStart(&out, &lineStart, depth)
                out.append(byte)
                out.append(newline)
                depth += 1
                lineStart = true
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                out.append(newline)
                indent(&out, depth)
                out.append(byte)
                lineStart = false
            case UInt8(ascii: ","):
                out.append(byte)
                out.append(newline)
                lineStart = true
            case UInt8(ascii: ":"):
                out.append(contentsOf: [space, byte, space])
            default:
                indentIfLineStart(&out, &lineStart, depth)
                if byte == UInt8(ascii: "\"") { inString = true }
                out.append(byte)
            }
        }
        out.append(newline)
        return out
    }

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")

    private static func indentIfLineStart(_ out: inout [UInt8], _ lineStart: inout Bool, _ depth: Int) {
        guard lineStart else { return }
        indent(&out, depth)
        lineStart = false
    }

    private static func indent(_ out: inout [UInt8], _ depth: Int) {
        for _ in 0 ..< depth * 2 { out.append(space) }
    }
}
