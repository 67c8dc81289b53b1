import Foundation
import Testing
@testable import NianbaoDaemon
import NianbaoPlatform
import NianbaoTestSupport

/// The status directory rebuilt from the state (checkpoint + journal, no tables) and
/// the journal lines that hold the tables, in every segment still there: a report
/// whose line is in an older segment gets its tables back; one whose line was
/// rotated away is written without them and named to be judged again; a file an
/// older layout put elsewhere gives its record (tables included) to the right place.
@Suite struct StatusRebuildTests {
    static let sample = Fixtures.sample("huaian_hongze_2024.txt")

    /// A judged record of `path` with content tagged `tag`, journal fields set.
    static func record(_ path: String, tag: String, seq: Int) -> VerdictRecord {
        let bytes = sample + Array("\n\(tag)\n".utf8)
        var record = ReportChecker().check(bytes: bytes, path: "/srv/drop/" + path)
        record.drop = "drop"
        record.relativePath = path
        record.event = .new
        record.seq = seq
        record.arrivalSeq = seq
        record.time = "2025-03-0\(seq)T00:00:00.000Z"
        record.arrival = record.time
        return record
    }

    static func key(_ path: String) -> ReportKey { ReportKey(drop: "drop", relativePath: path) }

    @Test func tablesComeFromEverySegmentAndReportsWithoutALineAreJudgedAgain() async throws {
        let ws = try Workspace()
        try Directories.create(ws.root + "/state")
        let journal = try VerdictJournal(path: ws.journal)
        let records = ["gone.txt", "older.txt", "active.txt"].enumerated().map { Self.record($1, tag: $1, seq: $0 + 1) }
        #expect(records.allSatisfy { $0.tables != nil })
        // gone.txt's line ends in a segment that rotation deleted; older.txt's is in segment 1.
        for record in records {
            try await journal.append(record)
            if record.relativePath != "active.txt" {
                try JournalSegments.rotate(journal: ws.journal, keep: 2)
                try journal.reopenNow()
            }
        }
        unlink(ws.journal + ".2")
        #expect(JournalSegments.existing(journal: ws.journal) == [ws.journal + ".1", ws.journal])
        // A report written by an older layout: its file is elsewhere, its line gone too.
        let moved = Self.record("x.json/y.txt", tag: "moved", seq: 4)
        let status = StatusDirectory(root: ws.status)
        try FileManager.default.createDirectory(atPath: ws.status + "/drop/x.json", withIntermediateDirectories: true)
        try Data(JSONLine.bytes(moved)).write(to: URL(fileURLWithPath: ws.status + "/drop/x.json/y.txt.json"))

        var current: [ReportKey: VerdictRecord] = [:]
        for record in records + [moved] { current[Self.key(record.relativePath!)] = record.withoutTables }
        let (failures, untabled) = StatusRebuild.run(status, current: current, drops: ["drop"], updated: "now", journal: ws.journal)
        #expect(failures.isEmpty)
        #expect(untabled == [Self.key("gone.txt")], "only the report whose line is gone is judged again")
        let rebuilt = status.allRecords()
        #expect(Set(rebuilt.keys) == Set(current.keys))
        #expect(rebuilt[Self.key("older.txt")]?.tables != nil, "from segment 1")
        #expect(rebuilt[Self.key("active.txt")]?.tables != nil, "from the active file")
        #expect(rebuilt[Self.key("x.json/y.txt")]?.tables != nil, "from the older layout's file")
        #expect(rebuilt[Self.key("gone.txt")]?.sha256 == records[0].sha256, "written from the state meanwhile")
        #expect(!FileManager.default.fileExists(atPath: ws.status + "/drop/x.json"), "the older place is gone")
        #expect(FileManager.default.fileExists(atPath: ws.status + "/drop/x.json~/y.txt.json"))
    }

    @Test func aLineOfAnEarlierVersionMatchesByContent() throws {
        let ws = try Workspace()
        try Directories.create(ws.root + "/state")
        var old = Self.record("a.txt", tag: "a", seq: 1)
        old.seq = nil
        old.arrivalSeq = nil
        old.arrival = nil
        try (String(decoding: JSONLine.bytes(old), as: UTF8.self) + "\n").write(toFile: ws.journal, atomically: true, encoding: .utf8)
        var current = old.withoutTables
        current.seq = 1   // numbered at the first start of the new version
        let found = JournalTables.find([Self.key("a.txt"): current], journal: ws.journal)
        #expect(found[Self.key("a.txt")]?.tables != nil)
    }

    @Test(arguments: [
        (#"{"path":"x","seq":123,"arrival_seq":7}"#, 123),
        (#"{"path":"x","arrival_seq":7,"seq":45}"#, 45),
        (#"{"path":"x","arrival_seq":7}"#, nil),
        (#"{"seq":}"#, nil),
    ] as [(String, Int?)])
    func theSequenceNumberIsFoundWithoutDecoding(line: String, seq: Int?) {
        let bytes = Array(line.utf8)
        #expect(bytes.withUnsafeBufferPointer { JournalTables.sequenceNumber($0) } == seq)
    }
}
