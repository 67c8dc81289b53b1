import Foundation
import NianbaoPlatform

/// Reads the verdict journal back at start: the last record for each report.
public enum JournalReplay {
    /// Outcome of a replay.
    public struct Result: Sendable {
        /// The latest record per (drop, relative path); removed reports are absent.
        public var latest: [ReportKey: VerdictRecord] = [:]
        /// Reports whose last record says they were removed.
        public var removed: Set<ReportKey> = []
        public var lines = 0
        public var unreadableLines = 0
    }

    /// Replays the journal at `path` (missing file: empty result).
    public static func replay(path: String) throws -> Result {
        let bytes = try AppendOnlyFile.readAll(path: path)
        var result = Result()
        let decoder = JSONDecoder()
        var start = 0
        for i in bytes.indices where bytes[i] == 0x0A {
            defer { start = i + 1 }
            if i == start { continue }
            result.lines += 1
            guard let record = try? decoder.decode(VerdictRecord.self, from: Data(bytes[start..<i])),
                  let drop = record.drop, let relative = record.relativePath else {
                result.unreadableLines += 1
                continue
            }
            let key = ReportKey(drop: drop, relativePath: relative)
            if record.event == .removed {
                result.latest.removeValue(forKey: key)
                result.removed.insert(key)
            } else {
                result.latest[key] = record
                result.removed.remove(key)
            }
        }
        return result
    }
}

extension JournalReplay.Result {
    /// The current verdicts: the status directory's records of configured drop
    /// folders, overridden by the journal (which is the durable record).
    public func current(status: [ReportKey: VerdictRecord], drops: [DropFolder]) -> [ReportKey: VerdictRecord] {
        var current = status.filter { key, _ in drops.contains { $0.name == key.drop } }
        for (key, record) in latest { current[key] = record }
        for key in removed { current.removeValue(forKey: key) }
        return current
    }
}
