import Crypto

/// File names that always fit: a name too long to take its suffix within
/// ``maxBytes`` is shortened to a prefix of whole characters, `~` and the first
/// 16 hex digits of the SHA-256 of the whole name ("…~1f2e3d4c5b6a7988"), so the
/// same name always gives the same file name and two long names sharing a prefix
/// do not collide. The room left to NAME_MAX (255 bytes) holds the temporary suffix
/// of an atomic write (``SafeTreeWriter``).
///
/// A name that already ends like a shortened one ("~" and 16 lowercase hex digits)
/// is shortened too, to its own prefix and hash: an uploader who names a file after
/// another name's shortened form ("…~1f2e3d4c5b6a7988") gets a different name, so
/// kept names and shortened ones never meet (short of a SHA-256 prefix collision).
public enum LongFileName {
    /// Longest file name produced, suffix included, in bytes.
    public static let maxBytes = 200

    /// `name` itself when `name` plus a suffix of `suffixBytes` fits in ``maxBytes``,
    /// else the shortened stem. Deterministic.
    public static func stem(_ name: String, suffixBytes: Int) -> String {
        guard name.utf8.count + suffixBytes > maxBytes || looksShortened(name) else { return name }
        let hash = String(self.hash(name).prefix(16))
        var prefix = ""
        for character in name {
            guard prefix.utf8.count + String(character).utf8.count + 1 + hash.count + suffixBytes <= maxBytes else { break }
            prefix.append(character)
        }
        return prefix + "~" + hash
    }

    /// Whether `name` ends as a shortened name does: "~" and 16 lowercase hex digits.
    public static func looksShortened(_ name: String) -> Bool {
        let bytes = Array(name.utf8.suffix(17))
        guard bytes.count == 17, bytes[0] == UInt8(ascii: "~") else { return false }
        return bytes.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    /// `name` followed by `suffix`, the name shortened as ``stem(_:suffixBytes:)`` says.
    public static func named(_ name: String, suffix: String) -> String {
        stem(name, suffixBytes: suffix.utf8.count) + suffix
    }

    /// The SHA-256 of the name's UTF-8 bytes, as lowercase hex (64 digits).
    public static func hash(_ name: String) -> String {
        Hex.lowercase(SHA256.hash(data: Array(name.utf8)))
    }
}
