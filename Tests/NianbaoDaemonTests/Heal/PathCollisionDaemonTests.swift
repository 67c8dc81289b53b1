import Foundation
import NianbaoDaemon
import NianbaoPlatform
import NianbaoTestSupport
import Testing

/// Names an uploader picks to block another report's status file or receipt —
/// a folder `a.txt.json/` or `a.txt.结果.txt/` beside `a.txt`, a file named like a
/// shortened name — block nothing: each report has its own status file and receipts,
/// and `status --year` and `export` see every one. A status directory written with
/// the older layout is rebuilt at start.
@Suite(.serialized, .timeLimit(.minutes(3)), .offPool)
struct PathCollisionDaemonTests {
    static func report(_ tag: String) -> [UInt8] { Fixtures.sample("huaian_hongze_2024.txt") + Array("\n\(tag)\n".utf8) }

    @Test func foldersNamedLikeStatusFilesAndReceiptsBlockNothing() throws {
        let ws = try Workspace()
        let receipts = ws.root + "/receipts"
        let long = String(repeating: "年", count: 83) + ".txt"
        let lookalike = String(LongFileName.named(long, suffix: ".json").dropLast(5))   // "年…~<hash>"
        let paths = ["a.txt.json/b.txt", "a.txt.结果.txt/c.txt", "a.txt.结果.json/d.txt", "e~/f.txt", "a.txt", long, lookalike]
        let daemon = try DaemonHarness(ws, extraArguments: ["--receipt-dir", receipts])
        #expect(daemon.waitUntilReady())
        // The folders first, then the report they aim at; and the other way round.
        for path in paths.prefix(5) { try ws.place(path, Self.report(path)) }
        for path in paths.suffix(2) { try ws.place(path, Self.report(path)) }
        #expect(daemon.waitForVerdicts(paths), "\(ws.verdictCounts())")
        #expect(daemon.quiesce())
        for path in paths { #expect(ws.statusRecord(path)?.relativePath == path, "status of \(path)") }
        let status = StatusDirectory(root: ws.status)
        #expect(Set(status.allRecords().keys.map(\.relativePath.string)).isSuperset(of: paths))
        #expect(StatusRecords(directory: status).submittedReports.filter { paths.contains($0.file) }.count == paths.count,
                "status --year and export see every report")
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: ws.status + "/drop/a.txt.json", isDirectory: &isFolder) && !isFolder.boolValue)
        #expect(FileManager.default.fileExists(atPath: ws.status + "/drop/a.txt.json~/b.txt.json"))
        let receiptsDone = daemon.waitUntil(timeout: 30) {
            paths.allSatisfy { path in
                guard let pair = ReceiptWriter.relativePaths(for: ReportKey(drop: "drop", relativePath: path), directory: receipts) else { return false }
                return FileManager.default.fileExists(atPath: receipts + "/" + pair.text)
                    && FileManager.default.fileExists(atPath: receipts + "/" + pair.json)
            }
        }
        #expect(receiptsDone)
        #expect(FileManager.default.fileExists(atPath: receipts + "/drop/a.txt.结果.txt", isDirectory: &isFolder) && !isFolder.boolValue)
        #expect(FileManager.default.fileExists(atPath: receipts + "/drop/a.txt.结果.txt~/c.txt.结果.txt"))
        #expect(!daemon.output.contains("failed"), "\(daemon.output.suffix(1500))")
        #expect(daemon.terminate() == 0)
    }

    @Test func anOlderLayoutIsRebuiltAtStart() throws {
        let ws = try Workspace()
        var daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        try ws.place("x.json/y.txt", Self.report("y"))
        #expect(daemon.waitForVerdicts(["x.json/y.txt"]))
        #expect(daemon.quiesce())
        #expect(daemon.terminate() == 0)
        // As the older layout had it: the folder under its own name, and a stale record beside it.
        let manager = FileManager.default
        try manager.createDirectory(atPath: ws.status + "/drop/x.json", withIntermediateDirectories: true)
        try manager.moveItem(atPath: ws.status + "/drop/x.json~/y.txt.json", toPath: ws.status + "/drop/x.json/y.txt.json")
        try manager.removeItem(atPath: ws.status + "/drop/x.json~")
        let data = try Data(contentsOf: URL(fileURLWithPath: ws.status + "/drop/x.json/y.txt.json"))
        var stale = try JSONDecoder().decode(VerdictRecord.self, from: data)
        stale.relativePath = "gone.txt"
        try JSONEncoder().encode(stale).write(to: URL(fileURLWithPath: ws.status + "/drop/gone.txt.json"))

        daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        #expect(!manager.fileExists(atPath: ws.status + "/drop/x.json"), "the older place is gone")
        #expect(manager.fileExists(atPath: ws.status + "/drop/x.json~/y.txt.json"))
        #expect(ws.statusRecord("x.json/y.txt")?.tables != nil, "moved with its tables, not written again without them")
        // The stale record names a report with no file: retired once the scan finds it missing.
        #expect(daemon.quiesce())
        #expect(!manager.fileExists(atPath: ws.status + "/drop/gone.txt.json"))
        #expect(Set(StatusDirectory(root: ws.status).allRecords().keys.map(\.relativePath.string)) == ["x.json/y.txt", "_sentinel/s1.txt", "_sentinel/s2.txt"])
        #expect(daemon.terminate() == 0)
    }

    @Test func anOlderLayoutsReceiptsAreRemovedAndWrittenWhereTheyBelongAtStart() throws {
        let ws = try Workspace()
        let receipts = ws.root + "/receipts"
        let manager = FileManager.default
        var daemon = try DaemonHarness(ws, extraArguments: ["--receipt-dir", receipts])
        #expect(daemon.waitUntilReady())
        for path in ["x.结果.txt/y.txt", "z.txt"] { try ws.place(path, Self.report(path)) }
        #expect(daemon.waitForVerdicts(["x.结果.txt/y.txt", "z.txt"]))
        let placed = receipts + "/drop/x.结果.txt~/y.txt.结果.txt"
        #expect(daemon.waitUntil(timeout: 30) { manager.fileExists(atPath: placed) && manager.fileExists(atPath: receipts + "/drop/z.txt.结果.json") })
        #expect(daemon.terminate() == 0)
        // As the older layout had it: the folder under its own name; a receipt of a report
        // that is gone; one receipt deleted while stopped; a file that is no receipt.
        try manager.moveItem(atPath: receipts + "/drop/x.结果.txt~", toPath: receipts + "/drop/x.结果.txt")
        for suffix in [".结果.txt", ".结果.json"] {
            try Data("stray".utf8).write(to: URL(fileURLWithPath: receipts + "/drop/stray.txt" + suffix))
        }
        try manager.removeItem(atPath: receipts + "/drop/z.txt.结果.json")
        try Data("notes".utf8).write(to: URL(fileURLWithPath: receipts + "/drop/README"))

        daemon = try DaemonHarness(ws, extraArguments: ["--receipt-dir", receipts])
        #expect(daemon.waitUntilReady())
        #expect(!manager.fileExists(atPath: receipts + "/drop/x.结果.txt"), "the older place is gone")
        #expect(!manager.fileExists(atPath: receipts + "/drop/stray.txt.结果.txt") && !manager.fileExists(atPath: receipts + "/drop/stray.txt.结果.json"))
        #expect(manager.fileExists(atPath: receipts + "/drop/README"), "not a receipt: left alone")
        let back = daemon.waitUntil(timeout: 30) {
            manager.fileExists(atPath: placed) && manager.fileExists(atPath: receipts + "/drop/x.结果.txt~/y.txt.结果.json")
                && manager.fileExists(atPath: receipts + "/drop/z.txt.结果.json")
        }
        #expect(back, "\(daemon.output.suffix(1500))")
        #expect(ws.verdictCounts()["z.txt"] == 1 && ws.verdictCounts()["x.结果.txt/y.txt"] == 1, "written again, not judged again")
        #expect(daemon.terminate() == 0)
    }

    /// A valid UTF-8 name holding U+10FF41 is judged under its own bytes (it used to be
    /// taken for the escape of "A" and never found).
    @Test func namesWithEscapeRangeScalarsAreJudged() throws {
        let ws = try Workspace()
        let daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        let name = "报告\u{10FF41}\u{10FFFF}.txt"
        try ws.place(name, Self.report("escape range"))
        let judged = daemon.waitUntil(timeout: 30) {
            ws.journalRecords().contains { $0.flatMap { FileNameCoding.encode($0.relativePath ?? "") } == Array(name.utf8) }
        }
        #expect(judged, "\(ws.journalRecords().compactMap { $0?.relativePath })\n\(daemon.output.suffix(800))")
        #expect(daemon.terminate() == 0)
    }
}
