import NianbaoPlatform
import Synchronization

/// Writes the daemon's checkpoints (``JournalCheckpoint``), one at a time, and
/// rotates the journal by its policy (``JournalSegments``) just before one.
public final class JournalCheckpointer: Sendable {
    /// What a checkpoint is written from: the state when every journal line was in it.
    public struct Snapshot: Sendable {
        public var position: FilePosition
        public var records: [ReportKey: VerdictRecord]
        public var arrivals: ArrivalBook
        public var nextSeq: Int
        public var lastTime: String?
    }

    public let journal: VerdictJournal
    /// The checkpoint file.
    public let path: String
    /// The active journal file is rotated at a checkpoint once it is larger than this.
    public let maxBytes: Int64
    /// Numbered segments kept after rotation.
    public let keep: Int
    private let busy = Mutex(false)

    public init(journal: VerdictJournal, maxBytes: Int, keep: Int) {
        self.journal = journal
        self.path = JournalCheckpoint.path(journal: journal.path)
        self.maxBytes = Int64(maxBytes)
        self.keep = keep
    }

    /// Starts a checkpoint: rotates the journal if it is over its size, and returns
    /// where the checkpoint points to; nil when one is being written already.
    /// Call only when every line written is in the state to be saved (the journal is
    /// quiet): between this call and the snapshot, nothing may be appended.
    /// `rotationFailed` receives a rotation error (the checkpoint goes ahead).
    public func begin(rotationFailed: (String) -> Void) -> FilePosition? {
        guard busy.withLock({ busy in
            if busy { return false }
            busy = true
            return true
        }) else { return nil }
        do {
            var position = try journal.position()
            if position.offset > maxBytes {
                do {
                    try JournalSegments.rotate(journal: journal.path, keep: keep)
                    try journal.reopenNow()
                    position = try journal.position()
                } catch {
                    rotationFailed("\(error)")
                }
            }
            return position
        } catch {
            busy.withLock { $0 = false }
            rotationFailed("cannot read the verdict journal's position: \(error)")
            return nil
        }
    }

    /// Writes the checkpoint begun by ``begin(rotationFailed:)`` (blocking); returns the error, if any.
    public func write(_ snapshot: Snapshot) -> String? {
        defer { busy.withLock { $0 = false } }
        do {
            try JournalCheckpoint.write(
                path: path, journal: snapshot.position, nextSeq: snapshot.nextSeq, lastTime: snapshot.lastTime,
                records: snapshot.records, arrivals: snapshot.arrivals)
            return nil
        } catch {
            return "cannot write checkpoint \(path): \(error)"
        }
    }
}
