import Foundation
import Testing
@testable import NianbaoDaemon
import NianbaoEngine
import NianbaoTestSupport

/// A batch of status files on a real status directory, through the safe-tree writer:
/// written together, a planted link refused without harming the rest, removals
/// pruning down to the drop's folder.
@Suite struct StatusBatchWriteTests {
    private func line(_ relativePath: String) -> [UInt8] {
        var record = VerdictRecord(path: "/d/" + relativePath, sha256: "00", format: "text", encoding: "utf-8", template: "2021",
                                   agency: "淮安市统计局", year: 2024, published: nil, verdict: .pass, findings: [])
        record.drop = "drop"
        record.relativePath = relativePath
        return JSONLine.bytes(record)
    }

    @Test func aBatchIsWrittenAndALinkedFolderIsRefused() throws {
        let workspace = try Workspace()
        let outside = workspace.root + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: workspace.status + "/drop", withIntermediateDirectories: true)
        // Someone planted status/drop/linked → ../outside.
        try FileManager.default.createSymbolicLink(atPath: workspace.status + "/drop/linked", withDestinationPath: outside)
        let directory = StatusDirectory(root: workspace.status)
        let keys = ["a/b/r1.txt", "a/r2.txt", "r3.txt", "linked/r4.txt"].map { ReportKey(drop: "drop", relativePath: $0) }
        var changes: [ReportKey: StatusBatch.Change] = [:]
        for key in keys { changes[key] = .write(line: line(key.relativePath.string)) }

        let failures = StatusBatch.write(changes, summary: nil, to: directory)
        #expect(Set(failures.changes.keys) == [keys[3]])
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty, "nothing written through the link")
        for key in keys.prefix(3) { #expect(directory.read(key)?.relativePath == key.relativePath.string, "\(key)") }

        let removed = StatusBatch.write([keys[0]: .remove, keys[1]: .remove], summary: nil, to: directory)
        #expect(removed.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: workspace.status + "/drop/a"), "emptied folders go")
        #expect(FileManager.default.fileExists(atPath: workspace.status + "/drop/r3.txt.json"), "the drop's folder stays with its files")
    }
}
