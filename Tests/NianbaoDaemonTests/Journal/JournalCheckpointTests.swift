import Foundation
import NianbaoDaemon
import NianbaoPlatform
import Testing

/// Issue 20, start-up bounded by the state: the checkpoint plus the journal after
/// it, streamed; rotation into numbered segments; a linear torn-tail repair; a
/// journal of the previous version read and migrated; lines the previous version reads.
@Suite struct JournalCheckpointTests {
    static func temp() throws -> String {
        let folder = FileManager.default.temporaryDirectory.path + "/nianbao-checkpoint-\(UUID().uuidString)"
        try Directories.create(folder)
        return folder + "/verdicts.jsonl"
    }

    static func record(_ name: String, sha: String, seq: Int?, event: VerdictRecord.Event = .new, time: String = "2025-03-01T00:00:00.000Z") -> VerdictRecord {
        var r = VerdictRecord(path: "/d/\(name)", sha256: sha, format: "text", encoding: "utf-8", template: "2021",
                              agency: "某局", year: 2024, published: nil, verdict: .pass, findings: [])
        r.drop = "d"
        r.relativePath = name
        r.event = event
        r.seq = seq
        r.arrivalSeq = seq
        r.time = time
        r.arrival = seq == nil ? nil : time
        return r
    }

    static func key(_ name: String) -> ReportKey { ReportKey(drop: "d", relativePath: name) }

    @Test func startUpReadsTheCheckpointAndOnlyTheLinesAfterIt() async throws {
        let path = try Self.temp()
        let journal = try VerdictJournal(path: path)
        for i in 1...50 { try await journal.append(Self.record("f\(i % 5)", sha: "s\(i)", seq: i)) }
        var state: [ReportKey: VerdictRecord] = [:]
        for i in 46...50 { state[Self.key("f\(i % 5)")] = Self.record("f\(i % 5)", sha: "s\(i)", seq: i) }
        try JournalCheckpoint.write(
            path: JournalCheckpoint.path(journal: path), journal: try journal.position(), nextSeq: 51, lastTime: nil,
            records: state, arrivals: ArrivalBook())
        try await journal.append(Self.record("f1", sha: "new", seq: 51, event: .changed))
        try await journal.append(Self.record("f2", sha: "s47", seq: 52, event: .removed))

        let loaded = try JournalReplay.load(journal: path, shouldStop: { false })
        #expect(loaded.checkpoint != nil && loaded.checkpointProblem == nil)
        #expect(loaded.lines == 2, "only the lines after the checkpoint are read")
        #expect(loaded.latest.count == 4)
        #expect(loaded.latest[Self.key("f1")]?.sha256 == "new")
        #expect(loaded.latest[Self.key("f2")] == nil && loaded.removed == [Self.key("f2")])
        #expect(loaded.latest[Self.key("f0")]?.sha256 == "s50")
        #expect(loaded.nextSeq == 53)
    }

    @Test func rotationKeepsNumberedSegmentsAndStartUpFindsTheCheckpointsFile() async throws {
        let path = try Self.temp()
        let journal = try VerdictJournal(path: path)
        var seq = 0
        for round in 0..<3 {
            for _ in 0..<3 {
                seq += 1
                try await journal.append(Self.record("r\(round)", sha: "s\(seq)", seq: seq))
            }
            try JournalSegments.rotate(journal: path, keep: 2)
            try journal.reopenNow()
        }
        #expect(JournalSegments.existing(journal: path) == [path + ".2", path + ".1", path], "the oldest segment beyond keep is gone")
        // A crash between a rotation and its checkpoint: the checkpoint points into what is now segment 1.
        let segment = try #require(FilePosition.of(path: path + ".1"))
        let mark = FilePosition(device: segment.device, inode: segment.inode, offset: segment.offset)
        try JournalCheckpoint.write(
            path: JournalCheckpoint.path(journal: path), journal: mark, nextSeq: seq + 1, lastTime: nil,
            records: [Self.key("r2"): Self.record("r2", sha: "s9", seq: 9)], arrivals: ArrivalBook())
        try await journal.append(Self.record("late", sha: "s10", seq: 10))
        let loaded = try JournalReplay.load(journal: path, shouldStop: { false })
        #expect(loaded.lines == 1, "segment 2 and the checkpointed part of segment 1 are not read")
        #expect(Set(loaded.latest.keys) == [Self.key("r2"), Self.key("late")])
    }

    @Test func aJournalOfThePreviousVersionIsNumberedAndItsArrivalsKept() throws {
        let path = try Self.temp()
        let lines = [
            Self.record("a.txt", sha: "x", seq: nil, time: "2025-05-01T00:00:00.000Z"),
            Self.record("a.txt", sha: "x", seq: nil, event: .removed, time: "2025-06-01T00:00:00.000Z"),
            Self.record("renamed/a.txt", sha: "x", seq: nil, time: "2025-06-01T00:00:01.000Z"),
        ].map { String(decoding: JSONLine.bytes($0), as: UTF8.self) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try JournalReplay.load(journal: path, shouldStop: { false })
        #expect(loaded.checkpoint == nil && loaded.lines == 3)
        let current = try #require(loaded.latest[Self.key("renamed/a.txt")])
        #expect(current.seq == 3 && current.arrivalSeq == 1)
        #expect(current.arrival == "2025-05-01T00:00:00.000Z", "the content's first time, not the rename's")
        #expect(loaded.nextSeq == 4)
    }

    @Test func arrivalsByContentAndAgencySurviveTheCheckpoint() async throws {
        let path = try Self.temp()
        let journal = try VerdictJournal(path: path)
        var book = ArrivalBook()
        book.learn(Self.record("gone.txt", sha: "old", seq: 3, time: "2025-04-01T00:00:00.000Z"))
        try JournalCheckpoint.write(
            path: JournalCheckpoint.path(journal: path), journal: try journal.position(), nextSeq: 9, lastTime: nil,
            records: [Self.key("a.txt"): Self.record("a.txt", sha: "x", seq: 8)], arrivals: book)
        let read = try #require(try JournalCheckpoint.read(path: JournalCheckpoint.path(journal: path)))
        #expect(read.header.checkpoint == JournalCheckpoint.version)
        #expect(read.arrivals.marks[ArrivalBook.Key(sha256: "old", agency: "某局")] == .init(time: "2025-04-01T00:00:00.000Z", seq: 3))
        #expect(read.arrivals.marks[ArrivalBook.Key(sha256: "x", agency: "某局")]?.seq == 8, "the current reports' arrivals too")
    }

    @Test func aVersionOneCheckpointIsStillRead() throws {
        let path = try Self.temp()
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let position = try #require(FilePosition.of(path: path))
        struct V1Header: Encodable {
            var checkpoint = 1
            var journal: FilePosition
            var next_seq = 5
            var records = 0
            var arrivals = 1
        }
        let lines = [
            String(decoding: try JSONLine.bytes(V1Header(journal: position)), as: UTF8.self),
            #"{"a":"2025-04-01T00:00:00.000Z","d":"drop","q":2,"s":"x"}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: JournalCheckpoint.path(journal: path), atomically: true, encoding: .utf8)
        let read = try #require(try JournalCheckpoint.read(path: JournalCheckpoint.path(journal: path)))
        // Its arrival is the content's under any agency.
        let record = Self.record("moved.txt", sha: "x", seq: 9)
        #expect(read.arrivals.mark(for: record) == .init(time: "2025-04-01T00:00:00.000Z", seq: 2))
    }

    /// The previous version decodes records with these fields and ignores others: the
    /// new keys (`seq`, `arrival`, `arrival_seq`, `retry`) do not stop it reading a line.
    struct PreviousVersionRecord: Decodable {
        var path: String
        var sha256: String
        var format: String
        var encoding: String?
        var template: String?
        var agency: String?
        var year: Int?
        var published: String?
        var verdict: String
        var findings: [VerdictRecord.FindingRecord]
        var time: String?
        var drop: String?
        var relativePath: String?
        var event: VerdictRecord.Event?
        enum CodingKeys: String, CodingKey {
            case path, sha256, format, encoding, template, agency, year, published, verdict, findings, time, drop
            case relativePath = "relative_path", event
        }
    }

    @Test func thePreviousVersionReadsTheNewLines() throws {
        var record = Self.record("a.txt", sha: "x", seq: 7, event: .changed)
        record.retry = 2
        let line = JSONLine.bytes(record)
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.contains("\"seq\":7") && text.contains("\"arrival_seq\":7") && text.contains("\"retry\":2"))
        let old = try JSONDecoder().decode(PreviousVersionRecord.self, from: Data(line))
        #expect(old.relativePath == "a.txt" && old.event == .changed && old.sha256 == "x")
        // The writer and the Encodable form still agree byte for byte.
        #expect(line == (try JSONLine.bytes(AnyEncodableRecord(record))))
    }

    @Test func aTornTailIsCutInOnePassKeepingItsSizeAndHead() throws {
        let path = try Self.temp()
        var bytes = Array("{\"a\":1}\n".utf8)
        bytes += [UInt8](repeating: 0x61, count: 8 << 20)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let file = try AppendOnlyFile(path: path)
        #expect(file.repairedByteCount == 8 << 20)
        #expect(file.repairedTail.count == AppendOnlyFile.keptTailBytes)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("{\"a\":1}\n".utf8))
    }

    @Test func startUpStopsWhenAsked() throws {
        let path = try Self.temp()
        let line = String(decoding: JSONLine.bytes(Self.record("a.txt", sha: "x", seq: nil)), as: UTF8.self)
        try String(repeating: line + "\n", count: 3000).write(toFile: path, atomically: true, encoding: .utf8)
        var asked = 0
        #expect(throws: StartupStopped.self) {
            _ = try JournalReplay.load(journal: path, shouldStop: { asked += 1; return true })
        }
        #expect(asked == 1, "stopped at the first check, after 1,024 lines")
    }

    @Test func aDamagedCheckpointIsSaidAndTheWholeJournalRead() async throws {
        let path = try Self.temp()
        let journal = try VerdictJournal(path: path)
        try await journal.append(Self.record("a.txt", sha: "x", seq: 1))
        try "{\"checkpoint\":1,\"journal\":{\"device\":1,\"inode\":2,\"offset\":0},\"next_seq\":2,\"records\":5,\"arrivals\":0}\n"
            .write(toFile: JournalCheckpoint.path(journal: path), atomically: true, encoding: .utf8)
        let loaded = try JournalReplay.load(journal: path, shouldStop: { false })
        #expect(loaded.checkpointProblem != nil)
        #expect(loaded.latest[Self.key("a.txt")]?.sha256 == "x")
    }
}

/// The record through its `Encodable` conformance (not the JSON writer).
private struct AnyEncodableRecord: Encodable {
    let record: VerdictRecord
    init(_ record: VerdictRecord) { self.record = record }
    func encode(to encoder: any Encoder) throws { try record.encode(to: encoder) }
}
