/// Per-line character repairs applied before parsing: odd spaces become spaces,
/// invisible characters go, full-width digits and number punctuation become
/// half-width, Kangxi radicals and CJK compatibility ideographs become the unified
/// ideographs they stand for (``CompatibilityIdeographs``), and Word bookmark debris
/// ("[bookmark: _GoBack]") is dropped.
///
/// （ and ） are kept: headings are matched with either form of bracket.
public enum ScalarNormalizer {
    /// The repaired scalars of one line (no line terminators expected).
    public static func normalize(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        normalize(line[...])
    }

    /// The repaired scalars of part of a line.
    public static func normalize(_ line: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(line.count)
        var sawBracket = false
        for scalar in line {
            if let mapped = map(scalar) {
                out.append(mapped)
                if mapped == "[" { sawBracket = true }
            }
        }
        return sawBracket ? removingBookmarks(out) : out
    }

    /// The repaired text of one line.
    public static func normalize(_ line: String) -> String {
        ScalarText.string(normalize(ScalarText.of(line)))
    }

    /// One scalar's replacement, or nil to drop it.
    @inline(__always)
    static func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if (value >= 0x20 && value < 0x7F) || (value >= 0x4E00 && value <= 0x9FFF) { return scalar }
        switch value {
        case 0x09: return scalar
        case 0x00...0x1F, 0x7F: return nil
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return " "
        case 0x00AD, 0x200B...0x200D, 0x2060, 0xFEFF: return nil
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return Unicode.Scalar(value - 0xFEE0)
        case 0xFF0B, 0xFF0D, 0xFF0E, 0xFF0F, 0xFF05: return Unicode.Scalar(value - 0xFEE0)
        case 0x2212: return "-"
        case 0x2E80...0x2FDF, 0xF900...0xFAFF, 0x2F800...0x2FA1F: return CompatibilityIdeographs.unified(scalar) ?? scalar
        default: return scalar
        }
    }

    private static let bookmarkOpen: [Unicode.Scalar] = Array("[bookmark:".unicodeScalars)

    /// Drops every "[bookmark: …]" (Word bookmark names that survive text extraction).
    static func removingBookmarks(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.contains("[") else { return scalars }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "[", ScalarText.hasPrefix(bookmarkOpen, in: scalars, at: index),
               let close = ScalarText.firstIndex(of: "]", in: scalars, from: index, to: min(scalars.count, index + 80)) {
                index = close + 1
                continue
            }
            out.append(scalars[index])
            index += 1
        }
        return out
    }
}
