/// A report waiting to be read and judged.
public struct Job: Sendable, Hashable {
    public var key: ReportKey
    /// Absolute path of the file.
    public var path: String
    /// Absolute path of its drop folder.
    public var root: String
}
