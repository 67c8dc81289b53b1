import SystemPackage

/// Identifies a report: its drop folder's name and its path inside that folder.
///
/// Made once from a watch event's root-relative path and carried unchanged
/// through the state, the job, the journal and the status directory.
public struct ReportKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var drop: String
    /// The path below the drop folder (relative, no leading slash).
    public var relativePath: FilePath

    public init(drop: String, relativePath: FilePath) {
        self.drop = drop
        self.relativePath = relativePath
    }

    public init(drop: String, relativePath: String) {
        self.init(drop: drop, relativePath: FilePath(relativePath))
    }

    public var description: String { "\(drop)/\(relativePath.string)" }

    /// Whether the report lies below `directory` (a path relative to the same drop folder).
    public func isInside(_ directory: FilePath) -> Bool {
        relativePath != directory && relativePath.starts(with: directory)
    }

    public static func < (a: ReportKey, b: ReportKey) -> Bool {
        (a.drop, a.relativePath.string) < (b.drop, b.relativePath.string)
    }
}
