/// Where a tree that mirrors a drop folder (the status directory, the receipts)
/// keeps the files of one report, chosen so that no name an uploader can create
/// in the drop folder occupies another report's place.
///
/// A report at `a/b/name` gets its files at `a'/b'/name'` + suffix, where:
/// - `name'` is the name, shortened by ``LongFileName`` if too long (so every
///   file of the tree ends in one of ``fileSuffixes``);
/// - a folder keeps its name, unless it ends in one of the suffixes or in
///   ``folderMark``: then the mark is added (`a.txt.json/` → `a.txt.json~/`), so
///   no folder ever ends in a file suffix and the mapping stays one-to-one; a folder
///   name too long (or looking shortened) is shortened as ``LongFileName`` does, which
///   ends it in hex digits, never in a suffix;
/// - a report whose mirrored path would not fit in PATH_MAX below the tree's root
///   (``maxPathBytes``) goes flat into ``deepFolder`` as its last name's prefix, "~" and
///   the hash of its whole path. No drop folder maps to that name ("deep" keeps its
///   name; only names ending in a suffix or "~" get the mark).
///
/// So a file's place always ends in a suffix and a folder's never does; distinct
/// paths get distinct places (short of a SHA-256 prefix collision). The records
/// inside keep the full relative path, which is what readers key on.
public struct MirrorLayout: Sendable, Hashable {
    /// What is added to a folder name that ends in a file suffix or in the mark.
    public static let folderMark = "~"
    /// The folder below the drop's folder holding reports too deep to mirror.
    public static let deepFolder = "deep~"
    /// Longest path a mirrored file may have, its root and a temporary name's room included.
    public static let maxPathBytes = 4095 - 64

    /// The suffixes of the files the tree keeps for a report.
    public let fileSuffixes: [String]
    /// The bytes of the tree's root path and of whatever precedes the report path (the drop's folder).
    public let prefixBytes: Int

    /// - Parameters:
    ///   - fileSuffixes: every suffix the tree's report files end in.
    ///   - prefixBytes: the byte length of the path above the report's path (root, "/", drop, "/").
    public init(fileSuffixes: [String], prefixBytes: Int = 0) {
        self.fileSuffixes = fileSuffixes
        self.prefixBytes = prefixBytes
    }

    private var longestSuffix: Int { fileSuffixes.map(\.utf8.count).max() ?? 0 }

    /// The folders and the file stem (to be followed by a suffix) of the report at
    /// `components` (plain names, the last one the file's).
    public func place(_ components: [String]) -> (folders: [String], stem: String)? {
        guard let last = components.last else { return nil }
        let folders = components.dropLast().map(folderName)
        let stem = LongFileName.stem(last, suffixBytes: longestSuffix)
        let bytes = prefixBytes + folders.reduce(0) { $0 + $1.utf8.count + 1 } + stem.utf8.count + longestSuffix
        if bytes <= Self.maxPathBytes { return (folders, stem) }
        return ([Self.deepFolder], Self.deepStem(components, suffixBytes: longestSuffix))
    }

    /// A folder's name in the tree.
    public func folderName(_ name: String) -> String {
        let needsMark = fileSuffixes.contains { name.hasSuffix($0) } || name.hasSuffix(Self.folderMark)
        let marked = needsMark ? name + Self.folderMark : name
        return LongFileName.stem(marked, suffixBytes: 0)
    }

    /// The flat stem of a deep report: a prefix of its last name, "~", 16 hex digits of its whole path's hash.
    static func deepStem(_ components: [String], suffixBytes: Int) -> String {
        let hash = String(LongFileName.hash(components.joined(separator: "/")).prefix(16))
        var prefix = ""
        for character in components.last ?? "" {
            guard prefix.utf8.count + String(character).utf8.count + 1 + hash.count + suffixBytes <= 120 else { break }
            prefix.append(character)
        }
        return prefix + "~" + hash
    }
}
