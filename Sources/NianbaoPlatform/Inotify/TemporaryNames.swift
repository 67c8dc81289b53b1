/// Names that uploaders and editors use while a file is still being written.
///
/// Such entries are ignored until they are renamed to their final name (which then arrives as a
/// move event). Matching is on the last path component only.
public enum TemporaryNames {
    private static let suffixes = [".tmp", ".part", ".filepart", ".swp", ".crdownload"]

    /// `true` for dot-files (including `.~lock.*#`), `~$*` Office owner files, and names ending in
    /// `.tmp`, `.part`, `.filepart`, `.swp` or `.crdownload` (case-insensitive).
    public static func isTemporary(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasPrefix("~$") { return true }
        let lower = name.lowercased()
        return suffixes.contains { lower.hasSuffix($0) }
    }
}
