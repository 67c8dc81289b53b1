import Foundation

/// Something the daemon could not do (a refused file, a lost folder, a failed
/// write), for the page's "recent problems" list.
public struct DaemonProblem: Sendable, Hashable {
    public var time: Date
    /// What kind of problem it is (shown by its Chinese label).
    public var kind: DaemonProblemKind
    /// The file's path (relative to its drop folder, or as the daemon names it).
    public var path: String
    /// What happened, in Chinese.
    public var text: String

    public init(time: Date, kind: DaemonProblemKind, path: String, text: String) {
        self.time = time
        self.kind = kind
        self.path = path
        self.text = text
    }
}
