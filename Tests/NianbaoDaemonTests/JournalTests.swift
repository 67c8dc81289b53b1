import Foundation
import Testing
import NianbaoDaemon
import NianbaoPlatform
import NianbaoTestSupport

@Suite struct JournalTests {
    func temp() -> String { FileManager.default.temporaryDirectory.path + "/nianbao-journal-\(UUID().uuidString)/v.jsonl" }

    func record(_ name: String, event: VerdictRecord.Event) -> VerdictRecord {
        var r = VerdictRecord(path: "/d/\(name)", sha256: "ab", format: "text", encoding: "utf-8", template: "2021",
                              agency: "某局", year: 2023, published: nil, verdict: .pass, findings: [])
        r.drop = "d"
        r.relativePath = name
        r.event = event
        return r
    }

    @Test func appendsAreDurableLinesAndReplayKeepsTheLatest() async throws {
        let path = temp()
        let journal = try VerdictJournal(path: path)
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<100 {
                group.addTask { try? await journal.append(self.record("f\(i % 10)", event: i < 10 ? .new : .changed)) }
            }
        }
        try await journal.append(record("f3", event: .removed))
        let replay = try JournalReplay.replay(path: path)
        #expect(replay.lines == 101)
        #expect(replay.unreadableLines == 0)
        #expect(replay.latest.count == 9)
        #expect(replay.removed == [ReportKey(drop: "d", relativePath: "f3")])
    }

    @Test func tornTailIsCutAtOpen() throws {
        let path = temp()
        try Directories.create((path as NSString).deletingLastPathComponent)
        try Data("{\"a\":1}\n{\"b\":2}\n{\"c\"".utf8).write(to: URL(fileURLWithPath: path))
        let file = try AppendOnlyFile(path: path)
        #expect(file.repairedTail == Array("{\"c\"".utf8))
        try file.append(Array("{\"d\":4}".utf8))
        try file.sync()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\":1}\n{\"b\":2}\n{\"d\":4}\n")
    }

    @Test func statusPathsNeverEscapeTheRoot() {
        let status = StatusDirectory(root: "/s")
        #expect(status.statusPath(for: ReportKey(drop: "d", relativePath: "a/b.txt")) == "/s/d/a/b.txt.json")
        #expect(status.statusPath(for: ReportKey(drop: "d", relativePath: "../etc/x")) == nil)
        #expect(status.statusPath(for: ReportKey(drop: "..", relativePath: "x")) == nil)
        // A key is a FilePath: "a//b" is "a/b", inside the root.
        #expect(status.statusPath(for: ReportKey(drop: "d", relativePath: "a//b")) == "/s/d/a/b.json")
    }
}
