/// Makes untrusted text (file names, document text) safe to print on a terminal
/// or in a log line: control characters (C0, DEL, C1 — ANSI escape sequences,
/// newlines, carriage returns), line and paragraph separators, Unicode direction overrides and the escaped
/// bytes of non-UTF-8 file names are shown as visible escapes, so a crafted name
/// can neither repaint an operator's terminal nor forge a line of output.
public enum TerminalText {
    /// The text with every unsafe character replaced by `\xNN` or `\u{NNNN}`.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if !isUnsafe(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x100 {
                out += "\\x" + hex(scalar.value, width: 2)
            } else if (0x10FF00...0x10FFFF).contains(scalar.value) {
                // A raw byte of a non-UTF-8 file name (FileNameCoding).
                out += "\\x" + hex(scalar.value - 0x10FF00, width: 2)
            } else {
                out += "\\u{" + hex(scalar.value, width: 4) + "}"
            }
        }
        return out
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // direction marks and overrides
        case 0x2028, 0x2029: return true  // line and paragraph separators
        case 0x10FF00...0x10FFFF: return true
        default: return false
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
