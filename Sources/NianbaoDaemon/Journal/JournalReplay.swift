import Foundation
import NianbaoPlatform

/// Reads the daemon's state back at start: the checkpoint, then the journal lines
/// written after it, streaming (one line in memory at a time, tables dropped), so
/// start-up is bounded by the state, not by the history. Without a checkpoint
/// (a journal written by an earlier version) every segment is read once; lines
/// without a sequence number get one in file order, and their arrival is the
/// first `time` of their content.
public enum JournalReplay {
    /// Outcome of a replay.
    public struct Result: Sendable {
        /// The latest record per (drop, relative path), without tables; removed reports are absent.
        public var latest: [ReportKey: VerdictRecord] = [:]
        /// Reports whose last replayed record says they were removed.
        public var removed: Set<ReportKey> = []
        /// First arrivals by content and agency.
        public var arrivals = ArrivalBook()
        /// The sequence number of the next journal line.
        public var nextSeq = 1
        /// The latest `time` in the journal.
        public var lastTime: String?
        /// Journal lines read (after the checkpoint, if any).
        public var lines = 0
        public var unreadableLines = 0
        /// The checkpoint start-up began from; nil: none (the whole journal was read).
        public var checkpoint: JournalCheckpoint.Header?
        /// Why an existing checkpoint was not used.
        public var checkpointProblem: String?
    }

    /// Replays the active journal file at `path` alone, without a checkpoint (missing file: empty result).
    /// With `keepingTables`, the records keep their tables (to rebuild status files).
    public static func replay(path: String, keepingTables: Bool = false) throws -> Result {
        var result = Result()
        try replay(file: path, from: 0, after: nil, into: &result, keepingTables: keepingTables, shouldStop: { false })
        return result
    }

    /// Loads the checkpoint beside `journal` and every journal line after it.
    /// Throws ``StartupStopped`` as soon as `shouldStop` returns true.
    public static func load(journal: String, shouldStop: () -> Bool) throws -> Result {
        var result = Result()
        var contents: JournalCheckpoint.Contents?
        do {
            contents = try JournalCheckpoint.read(path: JournalCheckpoint.path(journal: journal), shouldStop: shouldStop)
        } catch let error as CheckpointUnreadable {
            result.checkpointProblem = error.description
        }
        let segments = JournalSegments.existing(journal: journal)
        var first = 0
        var offset: Int64 = 0
        var after: Int?
        if let contents {
            result.latest = contents.records
            result.arrivals = contents.arrivals
            result.nextSeq = contents.header.nextSeq
            result.lastTime = contents.header.lastTime
            result.checkpoint = contents.header
            after = contents.header.nextSeq - 1
            let mark = contents.header.journal
            if let index = segments.firstIndex(where: { FilePosition.of(path: $0)?.sameFile(as: mark) == true }),
               let size = FilePosition.of(path: segments[index])?.offset, size >= mark.offset {
                first = index
                offset = mark.offset
            }
        }
        for (index, segment) in segments.enumerated() where index >= first {
            try replay(file: segment, from: index == first ? offset : 0, after: after, into: &result, shouldStop: shouldStop)
        }
        return result
    }

    /// A line of the journal: empty, or a record if it decodes as one.
    enum Line {
        case empty
        case record(VerdictRecord?)
    }

    /// Applies the lines of `file` from `offset`; lines numbered `after` or lower are in the checkpoint already.
    static func replay(
        file: String, from offset: Int64, after: Int?, into result: inout Result, keepingTables: Bool = false, shouldStop: () -> Bool
    ) throws {
        guard let reader = try LineReader(path: file, offset: offset) else { return }
        let decoder = JSONDecoder()
        while let decoded = try reader.next({ line -> Line in
            line.isEmpty ? .empty : .record(try? decoder.decode(VerdictRecord.self, from: Data(buffer: line)))
        }) {
            guard case .record(let record) = decoded else { continue }
            result.lines += 1
            if result.lines & 1023 == 0, shouldStop() { throw StartupStopped() }
            guard let record, let drop = record.drop, let relative = record.relativePath else {
                result.unreadableLines += 1
                continue
            }
            result.apply(record, key: ReportKey(drop: drop, relativePath: relative), after: after, keepingTables: keepingTables)
        }
    }
}

extension JournalReplay.Result {
    /// Applies one journal line.
    mutating func apply(_ line: VerdictRecord, key: ReportKey, after: Int?, keepingTables: Bool = false) {
        var record = keepingTables ? line : line.withoutTables
        if let seq = record.seq {
            if let after, seq <= after { return }
        } else {
            // A line of an earlier version: older than any checkpoint, numbered in file order.
            if after != nil { return }
            record.seq = nextSeq
        }
        nextSeq = max(nextSeq, (record.seq ?? 0) + 1)
        if let time = record.time, lastTime.map({ time > $0 }) ?? true { lastTime = time }
        if record.event == .removed {
            latest.removeValue(forKey: key)
            removed.insert(key)
            return
        }
        if record.arrivalSeq == nil {
            arrivals.stamp(&record)
            if record.arrival == nil { record.arrival = record.time }
        }
        arrivals.learn(record)
        latest[key] = record
        removed.remove(key)
    }

    /// The current verdicts. From a checkpoint: the checkpoint and the journal after
    /// it. Without one: the status directory's records of configured drop folders,
    /// overridden by the journal (which is the durable record).
    public func current(status: @autoclosure () -> [ReportKey: VerdictRecord], drops: [DropFolder]) -> [ReportKey: VerdictRecord] {
        var current = checkpoint == nil ? status().filter { key, _ in drops.contains { $0.name == key.drop } } : [:]
        for (key, record) in latest { current[key] = record }
        for key in removed { current.removeValue(forKey: key) }
        return current
    }
}
