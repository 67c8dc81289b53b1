/// Escaping for text placed into HTML, in element content and in quoted attribute values alike.
public enum HTMLEscaping {
    /// The text with `&`, `<`, `>`, `"` and `'` replaced by character references, so
    /// any string from a file name or a report shows as text and never becomes markup.
    /// NUL and other C0 controls except tab and newline are dropped (they are not
    /// allowed in HTML text and some would show as nothing anyway).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
