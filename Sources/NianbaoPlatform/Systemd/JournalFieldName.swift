/// Turns arbitrary keys into valid journal field names.
///
/// journald accepts a field name only if it is 1–64 characters of `A–Z`, `0–9`
/// and `_`, does not start with a digit, and (for clients) does not start with
/// `_` (those are trusted fields the journal sets itself). Anything else makes
/// journald drop the field, or `sd_journal_sendv` reject the whole entry.
public enum JournalFieldName {
    /// The longest field name journald accepts.
    public static let maximumLength = 64

    /// Returns a valid field name derived from `key`, prefixed with `prefix`.
    ///
    /// Letters are upper-cased, every other character outside `[A-Z0-9_]`
    /// becomes `_`, leading underscores are dropped, a leading digit gets an
    /// `F` in front, and the result is cut to 64 characters. An empty result
    /// becomes `FIELD`. `prefix` is sanitised the same way.
    ///
    ///     sanitize("request-id", prefix: "NIANBAO_") == "NIANBAO_REQUEST_ID"
    public static func sanitize(_ key: String, prefix: String = "") -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(prefix.utf8.count + key.utf8.count)
        for scalar in (prefix + key).unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A, 0x30...0x39, 0x5F: bytes.append(UInt8(scalar.value))
            case 0x61...0x7A: bytes.append(UInt8(scalar.value - 0x20))
            default: bytes.append(0x5F)
            }
        }
        let trimmed = bytes.drop { $0 == 0x5F }
        var name = Array(trimmed)
        if name.isEmpty { name = Array("FIELD".utf8) }
        if (0x30...0x39).contains(name[0]) { name.insert(0x46, at: 0) }
        if name.count > maximumLength { name.removeLast(name.count - maximumLength) }
        return String(decoding: name, as: UTF8.self)
    }

    /// Whether `name` is already a valid client-side journal field name.
    public static func isValid(_ name: String) -> Bool {
        let utf8 = Array(name.utf8)
        guard (1...maximumLength).contains(utf8.count) else { return false }
        if utf8[0] == 0x5F || (0x30...0x39).contains(utf8[0]) { return false }
        return utf8.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
    }
}
