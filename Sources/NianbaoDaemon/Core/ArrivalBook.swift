/// When each content first arrived, by content and agency: the fact a report's
/// arrival (and so 迟报) is made from. Keyed by the content's SHA-256 and the
/// agency the report names, never by its path or drop folder, so renaming a folder,
/// moving a report out and back or into another drop folder, a reload that drops a
/// drop folder and adds it again (under any name) and a restart all keep the first
/// arrival. Pure value; no clock.
///
/// A content first judged without an agency (a failure of the host, an unreadable
/// first attempt) keeps that first arrival once it is read and names its agency;
/// one judged without an agency after it was read takes its earliest arrival.
///
/// Arrivals of content no longer current are kept for the most recent
/// ``retainedLimit`` contents (by sequence), so the book stays bounded by the
/// state, not by the history.
public struct ArrivalBook: Sendable, Equatable {
    /// A content and the agency it names.
    public struct Key: Sendable, Hashable {
        public var sha256: String
        /// The agency as the report names it; "" when it names none or could not be read.
        public var agency: String
        public init(sha256: String, agency: String) {
            self.sha256 = sha256
            self.agency = agency
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

    /// Marks by content, then by agency.
    private var byContent: [String: [String: Mark]] = [:]
    /// How many marks the book holds.
    public private(set) var count = 0
    /// Non-current contents kept beyond the current ones.
    public var retainedLimit = 50_000

    public init() {}

    /// Every mark, as a dictionary.
    public var marks: [Key: Mark] {
        var all: [Key: Mark] = [:]
        all.reserveCapacity(count)
        forEachMark { all[$0] = $1 }
        return all
    }

    /// Calls `body` with every mark (the checkpoint writes them without a dictionary in between).
    public func forEachMark(_ body: (Key, Mark) throws -> Void) rethrows {
        for (sha, agencies) in byContent {
            for (agency, mark) in agencies { try body(Key(sha256: sha, agency: agency), mark) }
        }
    }

    /// The key of a record's content, or nil when it has none (an entry refused before it was read).
    public static func key(_ record: VerdictRecord) -> Key? {
        record.sha256.isEmpty ? nil : Key(sha256: record.sha256, agency: record.agency ?? "")
    }

    /// The first arrival of the record's content and agency, if known (see the type's
    /// notes for a content judged with and without an agency).
    public func mark(for record: VerdictRecord) -> Mark? {
        guard let key = Self.key(record), let agencies = byContent[key.sha256] else { return nil }
        if let mark = agencies[key.agency] { return mark }
        if !key.agency.isEmpty { return agencies[""] }
        return agencies.values.min { $0.seq < $1.seq }
    }

    /// Gives `record` (sequence `record.seq`) the arrival of its content if known;
    /// otherwise its own sequence, and no time (the time it is stamped with is its arrival).
    public func stamp(_ record: inout VerdictRecord) {
        if let mark = mark(for: record) {
            record.arrival = mark.time
            record.arrivalSeq = mark.seq
        } else {
            record.arrival = nil
            record.arrivalSeq = record.seq
        }
    }

    /// Learns a durable record's arrival (the earliest one, by sequence, wins).
    public mutating func learn(_ record: VerdictRecord) {
        guard let key = Self.key(record), let time = record.arrival ?? record.time,
              let seq = record.arrivalSeq ?? record.seq else { return }
        restore(key, Mark(time: time, seq: seq))
    }

    /// Sets a mark as read from a checkpoint (an earlier one already known is kept).
    public mutating func restore(_ key: Key, _ mark: Mark) {
        if let known = byContent[key.sha256]?[key.agency] {
            if known.seq > mark.seq { byContent[key.sha256]![key.agency] = mark }
            return
        }
        byContent[key.sha256, default: [:]][key.agency] = mark
        count += 1
    }

    /// Forgets the oldest arrivals of contents that are not current, beyond ``retainedLimit``.
    /// Amortised: runs only once the book exceeds twice what it keeps.
    public mutating func prune(current: [ReportKey: VerdictRecord]) {
        guard count > 2 * (current.count + retainedLimit) else { return }
        var live = Set<Key>()
        for record in current.values { if let key = Self.key(record) { live.insert(key) } }
        let old = marks.filter { !live.contains($0.key) }.sorted { $0.value.seq > $1.value.seq }
        for (key, _) in old.dropFirst(retainedLimit) {
            byContent[key.sha256]?.removeValue(forKey: key.agency)
            if byContent[key.sha256]?.isEmpty == true { byContent.removeValue(forKey: key.sha256) }
            count -= 1
        }
    }
}
