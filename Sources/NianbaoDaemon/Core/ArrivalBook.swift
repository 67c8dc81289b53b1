/// When each content first arrived, per drop folder: the fact a report's arrival
/// (and so 迟报) is made from. Keyed by content and drop, not by path, so renaming
/// a folder, moving a report out and back, a reload that drops and re-adds a drop
/// folder and a restart all keep the first arrival. Pure value; no clock.
///
/// Arrivals of content no longer current are kept for the most recent
/// ``retainedLimit`` contents (by sequence), so the book stays bounded by the
/// state, not by the history.
public struct ArrivalBook: Sendable, Equatable {
    /// A content in a drop folder.
    public struct Key: Sendable, Hashable {
        public var sha256: String
        public var drop: String
        public init(sha256: String, drop: String) {
            self.sha256 = sha256
            self.drop = drop
        }
    }

    /// When it first arrived: the wall-clock time then, and the journal sequence then.
    public struct Mark: Sendable, Hashable {
        public var time: String
        public var seq: Int
        public init(time: String, seq: Int) {
            self.time = time
            self.seq = seq
        }
    }

    public private(set) var marks: [Key: Mark] = [:]
    /// Non-current contents kept beyond the current ones.
    public var retainedLimit = 50_000

    public init(marks: [Key: Mark] = [:]) { self.marks = marks }

    /// The key of a record's content, or nil when it has none (an entry refused before it was read).
    public static func key(_ record: VerdictRecord, drop: String) -> Key? {
        record.sha256.isEmpty ? nil : Key(sha256: record.sha256, drop: drop)
    }

    /// Gives `record` (sequence `record.seq`) the arrival of its content if known;
    /// otherwise its own sequence, and no time (the time it is stamped with is its arrival).
    public func stamp(_ record: inout VerdictRecord, drop: String) {
        if let key = Self.key(record, drop: drop), let mark = marks[key] {
            record.arrival = mark.time
            record.arrivalSeq = mark.seq
        } else {
            record.arrival = nil
            record.arrivalSeq = record.seq
        }
    }

    /// Learns a durable record's arrival (the first one seen for its content wins).
    public mutating func learn(_ record: VerdictRecord, drop: String) {
        guard let key = Self.key(record, drop: drop), marks[key] == nil,
              let time = record.arrival ?? record.time, let seq = record.arrivalSeq ?? record.seq else { return }
        marks[key] = Mark(time: time, seq: seq)
    }

    /// Sets a mark as read from a checkpoint.
    public mutating func restore(_ key: Key, _ mark: Mark) { marks[key] = mark }

    /// Forgets the oldest arrivals of contents that are not current, beyond ``retainedLimit``.
    /// Amortised: runs only once the book exceeds twice what it keeps.
    public mutating func prune(current: [ReportKey: VerdictRecord]) {
        guard marks.count > 2 * (current.count + retainedLimit) else { return }
        var live = Set<Key>()
        for (key, record) in current { if let k = Self.key(record, drop: key.drop) { live.insert(k) } }
        let old = marks.filter { !live.contains($0.key) }.sorted { $0.value.seq > $1.value.seq }
        for (key, _) in old.dropFirst(retainedLimit) { marks.removeValue(forKey: key) }
    }
}
