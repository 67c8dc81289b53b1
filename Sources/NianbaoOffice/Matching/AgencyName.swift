import NianbaoEngine

/// The forms of an agency name the matcher compares.
///
/// - `fold`: spaces of every kind dropped (ASCII, full-width U+3000, no-break, zero-width),
///   full-width ASCII (ＡＢ１２（）) turned half-width, Kangxi radicals and CJK
///   compatibility ideographs turned into the unified ideographs (⼈ → 人).
/// - `key`: the folded name in lower case, with 人民政府 written 政府 (so
///   政府办公室 and 人民政府办公室 are one key).
/// - `bareKey`: the key without a final 政府 ("洪泽区人民政府" and "洪泽区" share the bare key 洪泽区).
public enum AgencyName {
    /// The name with spaces dropped, full-width ASCII made half-width and compatibility ideographs unified.
    public static func fold(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if isSpace(scalar) { continue }
            if (0xFF01...0xFF5E).contains(scalar.value), let half = Unicode.Scalar(scalar.value - 0xFEE0) {
                out.append(half)
            } else if let unified = CompatibilityIdeographs.unified(scalar) {
                out.append(unified)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The folded, lower-cased name with 人民政府 written 政府.
    public static func key(_ name: String) -> String {
        fold(name).lowercased().replacing("人民政府", with: "政府")
    }

    /// The key without a final 政府 (kept when nothing else is left).
    public static func bareKey(_ name: String) -> String {
        let key = key(name)
        guard key.hasSuffix("政府"), key.count > 2 else { return key }
        return String(key.dropLast(2))
    }

    /// Spaces that never matter in a name: Unicode white space, zero-width space and the BOM.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
    }

    /// Characters that end an administrative unit's name: a shortened name may start
    /// right after one ("洛阳市|商务局") or with one ("市商务局").
    static let unitEnds: Set<Character> = ["省", "市", "区", "县", "州", "盟", "旗", "镇", "乡", "道"]

    /// Generic unit words a shortened name may start with, standing for a named unit left
    /// off ("开发区财政局" for "淮安经济技术开发区财政局").
    static let genericUnits = ["开发区", "高新区", "新区", "园区", "试验区", "实验区"]
}
