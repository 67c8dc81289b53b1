import Foundation

/// Something the daemon could not do with a file (unreadable, refused format,
/// too large), for the page's "recent problems" list.
public struct DaemonProblem: Sendable, Hashable {
    public var time: Date
    /// A short stable kind, e.g. "unreadable", "refused_format", "too_large".
    public var kind: String
    /// The file's path (relative to its drop folder, or as the daemon names it).
    public var path: String
    /// What happened, in Chinese.
    public var text: String

    public init(time: Date, kind: String, path: String, text: String) {
        self.time = time
        self.kind = kind
        self.path = path
        self.text = text
    }
}
