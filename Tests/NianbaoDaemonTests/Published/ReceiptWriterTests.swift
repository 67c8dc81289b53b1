import Foundation
import Glibc
import NianbaoDaemon
import NianbaoEngine
import NianbaoTestSupport
import Testing

/// The receipt writer on real files: it stays inside its directory whatever the tree holds.
@Suite struct ReceiptWriterTests {
    private let record = VerdictRecord(
        path: "/drop/a/r.txt", sha256: String(repeating: "ab", count: 32), format: "text", encoding: "utf-8", template: "2021",
        agency: "淮安市统计局", year: 2024, published: nil, verdict: .pass, findings: [])

    @Test func aSymbolicLinkInTheTreeIsNotFollowed() throws {
        let workspace = try Workspace()
        let receipts = workspace.root + "/receipts"
        let outside = workspace.root + "/outside"
        try FileManager.default.createDirectory(atPath: receipts, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        // An uploader (or anyone) planted receipts/drop → ../outside.
        try #require(symlink(outside, receipts + "/drop") == 0)
        let writer = ReceiptWriter(directory: receipts)
        #expect(throws: (any Error).self) { try writer.write(record, key: ReportKey(drop: "drop", relativePath: "a/r.txt")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
        #expect(throws: (any Error).self) { try writer.remove(ReportKey(drop: "drop", relativePath: "a/r.txt")) }
    }

    @Test func aSymbolicLinkAtTheReceiptIsReplacedNotWrittenThrough() throws {
        let workspace = try Workspace()
        let receipts = workspace.root + "/receipts"
        let victim = workspace.root + "/victim"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createDirectory(atPath: receipts + "/drop/a", withIntermediateDirectories: true)
        try #require(symlink(victim, receipts + "/drop/a/r.txt.结果.txt") == 0)
        try ReceiptWriter(directory: receipts).write(record, key: ReportKey(drop: "drop", relativePath: "a/r.txt"))
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: victim)), as: UTF8.self) == "keep")
        let written = try String(contentsOfFile: receipts + "/drop/a/r.txt.结果.txt", encoding: .utf8)
        #expect(written.contains("结论：通过"))
    }

    @Test func unsafePathsAreRefused() throws {
        let workspace = try Workspace()
        let writer = ReceiptWriter(directory: workspace.root + "/receipts")
        for path in ["../escape.txt", "a/../../escape.txt", "/etc/passwd"] {
            #expect(throws: ReceiptError.self) { try writer.write(record, key: ReportKey(drop: "drop", relativePath: path)) }
        }
        #expect(throws: ReceiptError.self) { try writer.write(record, key: ReportKey(drop: "..", relativePath: "x.txt")) }
        #expect(!FileManager.default.fileExists(atPath: workspace.root + "/escape.txt.结果.txt"))
    }
}
