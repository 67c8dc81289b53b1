#if canImport(Glibc)
import Glibc
#endif

/// Lists the entries below a root recursively, for reconciliation at start-up.
///
/// Symbolic links are never followed (a link is listed as an entry of kind `.symlink`);
/// directories are entered with `openat(O_NOFOLLOW | O_DIRECTORY)` one component at a time.
/// Temporary names (files and directories) are skipped. Depth and entry count are limited so a
/// hostile tree cannot exhaust memory.
public struct DirectoryScanner: Sendable {
    /// One non-directory entry below the root.
    public struct Entry: Sendable, Equatable {
        /// The path relative to the root, components separated by `/`.
        public var path: String
        /// The entry's type; anything other than `.regular` deserves a refusal.
        public var kind: FileKind
    }

    /// The outcome of a scan.
    public struct Listing: Sendable {
        /// Every non-directory entry found, in no particular order.
        public var entries: [Entry]
        /// `true` when the depth or entry limit cut the scan short.
        public var truncated: Bool
        /// Directories that could not be listed and names that are not valid UTF-8, for the log.
        public var problems: [String]
    }

    /// Directories nested deeper than this are not entered.
    public var maxDepth: Int
    /// The scan stops after this many entries.
    public var maxEntries: Int
    private let ignore: @Sendable (String) -> Bool

    /// Creates a scanner; `ignore` receives each entry's name (last component).
    public init(maxDepth: Int = 64, maxEntries: Int = 1_000_000,
                ignore: @escaping @Sendable (String) -> Bool = TemporaryNames.isTemporary) {
        self.maxDepth = maxDepth
        self.maxEntries = maxEntries
        self.ignore = ignore
    }

    /// Scans `root` (which itself may be reached through a symbolic link configured by the operator).
    public func scan(root: String) -> Listing {
        var listing = Listing(entries: [], truncated: false, problems: [])
        var pending: [[String]] = [[]]
        while let components = pending.popLast() {
            let relative = components.joined(separator: "/")
            guard case .success(let fd) = SafeDirectory.open(components, within: root) else {
                listing.problems.append("cannot open directory '\(relative)'")
                continue
            }
            let (entries, error) = SafeDirectory.list(fd)
            close(fd)
            if error != 0 { listing.problems.append("cannot list '\(relative)': errno \(error)") }
            for entry in entries where !ignore(entry.name) {
                if entry.kind == .directory {
                    if components.count >= maxDepth { listing.truncated = true; continue }
                    pending.append(components + [entry.name])
                } else {
                    if listing.entries.count >= maxEntries { listing.truncated = true; return listing }
                    let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                    listing.entries.append(Entry(path: path, kind: entry.kind))
                }
            }
        }
        return listing
    }
}
