import Foundation
import Glibc
import NianbaoDaemon
import NianbaoTestSupport
import Testing

/// Receipts written by a real daemon: created on a verdict, replaced when the report
/// changes, removed (with the folders left empty) when the report is removed.
@Suite(.serialized, .offPool) struct ReceiptDaemonTests {
    private func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    private func mode(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    @Test func createdReplacedRemoved() throws {
        let workspace = try Workspace()
        let receipts = workspace.root + "/receipts"
        // As tmpfiles makes it: setgid, so the folders below keep its group and the bit.
        try FileManager.default.createDirectory(atPath: receipts, withIntermediateDirectories: true)
        try #require(chmod(receipts, 0o2750) == 0)
        let daemon = try DaemonHarness(workspace, extraArguments: ["--receipt-dir", receipts])
        try #require(daemon.waitUntilReady(), "not ready: \(daemon.output)")
        let pass = try Fixtures.text("office/jiangnan-market-2024.txt")
        let fail = try Fixtures.text("office/jiangnan-market-2024-table3-mutant.txt")
        let report = "市场监管/2024年报.txt"
        let text = receipts + "/drop/市场监管/2024年报.txt.结果.txt"
        let json = receipts + "/drop/市场监管/2024年报.txt.结果.json"
        func sha() -> String? {
            contents(json).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["sha256"] as? String
        }

        // Created with the verdict: the JSON twin names the judged bytes.
        try workspace.place(report, Array(pass.utf8))
        try #require(daemon.quiesce())
        try #require(daemon.waitUntil { workspace.statusRecord(report) != nil }, "no status file")
        let first = try #require(workspace.statusRecord(report))
        #expect(daemon.waitUntil { sha() == first.sha256 }, "no receipt: \(daemon.output)")
        #expect(contents(text)?.contains("结论：通过") == true)
        #expect(contents(text)?.contains("文件：\(report)") == true)
        #expect(mode(receipts + "/drop/市场监管") == 0o2750)
        #expect(mode(text) == 0o640 && mode(json) == 0o640)

        // Replaced when the report changes.
        try workspace.place(report, Array(fail.utf8))
        try #require(daemon.quiesce())
        try #require(daemon.waitUntil { workspace.statusRecord(report)?.sha256 != first.sha256 }, "status not replaced")
        let second = try #require(workspace.statusRecord(report))
        #expect(second.sha256 != first.sha256)
        #expect(daemon.waitUntil { sha() == second.sha256 }, "receipt not replaced: \(contents(json) ?? "absent")")
        #expect(contents(text)?.contains("结论：不通过") == true)
        #expect(contents(text)?.contains("table3.group_total") == true)

        // Removed with the report, and the folder it left empty with it.
        try FileManager.default.removeItem(atPath: workspace.drop + "/" + report)
        try #require(daemon.quiesce())
        #expect(daemon.waitUntil { !FileManager.default.fileExists(atPath: receipts + "/drop/市场监管") }, "receipt left behind")
        #expect(contents(text) == nil && contents(json) == nil)
        // The sentinels' receipts are still there: only the removed report's went.
        #expect(FileManager.default.fileExists(atPath: receipts + "/drop/" + Workspace.sentinelDirectory + "/s1.txt.结果.txt"))
        #expect(daemon.terminate() == 0)
    }
}
