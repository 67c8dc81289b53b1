import Crypto

/// Where a report's receipts live, relative to the receipts directory, which
/// mirrors the drop tree: `a/b/报告.docx` → `a/b/报告.docx.结果.txt` and `a/b/报告.docx.结果.json`.
public enum ReceiptPath {
    /// The two receipt paths of one report.
    public struct Pair: Sendable, Hashable {
        /// The plain-text receipt, `….结果.txt`.
        public var text: String
        /// Its JSON twin, `….结果.json`.
        public var json: String
    }

    /// Suffix of the text receipt.
    public static let textSuffix = ".结果.txt"
    /// Suffix of the JSON receipt.
    public static let jsonSuffix = ".结果.json"
    /// Longest receipt file name, in bytes: NAME_MAX (255) less room for the
    /// temporary suffix of an atomic write, as for status files.
    public static let maxFileNameBytes = 200

    /// The receipts of a report's path relative to its drop folder, or nil if that
    /// path is unsafe (empty, absolute, with an empty, "." or ".." component, or a NUL).
    ///
    /// A name too long to take the suffix within `maxFileNameBytes` is shortened to a
    /// prefix plus a stable hash of the whole name ("…~1f2e3d4c5b6a7988.结果.txt");
    /// both receipts share the shortened stem, so they stay twins.
    public static func relative(for reportPath: String) -> Pair? {
        let components = reportPath.split(separator: "/", omittingEmptySubsequences: false)
        guard let last = components.last,
              components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") }) else { return nil }
        let directory = components.dropLast().map { $0 + "/" }.joined()
        let stem = self.stem(String(last))
        return Pair(text: directory + stem + textSuffix, json: directory + stem + jsonSuffix)
    }

    /// The name itself when the longer suffix fits, else a prefix (whole characters)
    /// and "~" and the first 16 hex digits of the name's SHA-256.
    static func stem(_ name: String) -> String {
        let suffixBytes = max(textSuffix.utf8.count, jsonSuffix.utf8.count)
        guard name.utf8.count + suffixBytes > maxFileNameBytes else { return name }
        let hash = String(nameHash(name).prefix(16))
        var prefix = ""
        for character in name {
            guard prefix.utf8.count + String(character).utf8.count + 1 + hash.count + suffixBytes <= maxFileNameBytes else { break }
            prefix.append(character)
        }
        return prefix + "~" + hash
    }

    /// The SHA-256 of the name's UTF-8 bytes, as lowercase hex (64 digits).
    static func nameHash(_ name: String) -> String {
        SHA256.hash(data: Array(name.utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
