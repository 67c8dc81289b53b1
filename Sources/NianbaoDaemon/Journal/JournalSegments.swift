import NianbaoPlatform
#if canImport(Glibc)
import Glibc
#endif

/// The verdict journal's files: the active file `verdicts.jsonl` and, after
/// rotations, numbered segments `verdicts.jsonl.1` (the newest) … `.K`.
///
/// Rotation policy: at a checkpoint, once the active file exceeds
/// `journal.maxBytes`, it is renamed to `.1` (older segments shift up by one and
/// the one beyond `journal.keep` is deleted) and a new active file is started;
/// the checkpoint written right after points into the new file, so start-up
/// never reads a segment. The systemd journal keeps the full history of verdicts.
public enum JournalSegments {
    /// Numbered segments of `journal` that exist, then the active file if it exists: oldest first.
    public static func existing(journal: String) -> [String] {
        var numbered: [String] = []
        var index = 1
        while index <= 10_000, access("\(journal).\(index)", F_OK) == 0 {
            numbered.append("\(journal).\(index)")
            index += 1
        }
        let active = access(journal, F_OK) == 0 ? [journal] : []
        return numbered.reversed() + active
    }

    /// Renames the active file to `.1`, shifting older segments and deleting those
    /// beyond `keep` (at least 1). The caller reopens the journal afterwards.
    public static func rotate(journal: String, keep: Int) throws {
        let keep = max(1, keep)
        var highest = 0
        while highest < 10_000, access("\(journal).\(highest + 1)", F_OK) == 0 { highest += 1 }
        var index = highest
        while index >= 1 {
            if index >= keep {
                unlink("\(journal).\(index)")
            } else if rename("\(journal).\(index)", "\(journal).\(index + 1)") != 0 {
                throw JournalRotationError(path: journal, errno: errno)
            }
            index -= 1
        }
        guard rename(journal, "\(journal).1") == 0 else { throw JournalRotationError(path: journal, errno: errno) }
        Directories.syncParent(of: journal)
    }
}

/// The journal could not be rotated (it goes on growing; retried at the next checkpoint).
public struct JournalRotationError: Error, CustomStringConvertible {
    public var path: String
    public var errno: Int32
    public var description: String { "cannot rotate verdict journal \(path) (errno \(errno))" }
}
