import NianbaoPlatform

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

    /// The receipts of a report's path relative to its drop folder, or nil if that
    /// path is unsafe (empty, absolute, with an empty, "." or ".." component, or a NUL).
    ///
    /// Placed by ``MirrorLayout``: a folder of the drop whose name ends in ".结果.txt",
    /// ".结果.json" or "~" gets a "~" in the mirror, so no uploader's folder can take a
    /// receipt's name. A name too long to take the suffix within ``LongFileName/maxBytes``
    /// is shortened to a prefix plus a stable hash of the whole name
    /// ("…~1f2e3d4c5b6a7988.结果.txt"); both receipts share the shortened stem (made room
    /// for the longer suffix), so they stay twins. `prefixBytes`: the length of the path
    /// above the report's (receipts directory and drop), for a path too deep to mirror.
    public static func relative(for reportPath: String, prefixBytes: Int = 0) -> Pair? {
        guard let components = PathComponent.plainComponents(reportPath),
              let placed = MirrorLayout(fileSuffixes: [textSuffix, jsonSuffix], prefixBytes: prefixBytes).place(components)
        else { return nil }
        let directory = placed.folders.map { $0 + "/" }.joined()
        return Pair(text: directory + placed.stem + textSuffix, json: directory + placed.stem + jsonSuffix)
    }
}
