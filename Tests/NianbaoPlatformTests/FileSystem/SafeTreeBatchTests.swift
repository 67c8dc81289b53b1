import Foundation
import SystemPackage
import Testing
@testable import NianbaoPlatform

/// A batch: nothing visible until `commit`, every file in place with its bytes after it.
@Suite struct SafeTreeBatchTests {
    @Test func nothingIsVisibleBeforeCommitAndEverythingAfter() throws {
        let scratch = try ScratchTree()
        let writer = SafeTreeWriter(root: scratch.path + "/status")
        try writer.write(Array("old".utf8), to: ["drop", "a", "0.json"])
        let count = 40
        let paths = (0..<count).map { ["drop", $0 % 2 == 0 ? "a" : "b", "\($0).json"] }
        let batch = writer.batch(tagged: Int.self)
        for (index, path) in paths.enumerated() { batch.add(Array("file \(index)".utf8), at: path, tag: index) }

        // Before commit: the old file is untouched and no new name exists, only hidden temporary files.
        #expect(scratch.text("status/drop/a/0.json") == "old")
        let staged = scratch.names("status/drop/a") + scratch.names("status/drop/b")
        #expect(staged.filter { !$0.hasPrefix(".") } == ["0.json"])
        #expect(staged.filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }.count == count)

        #expect(batch.commit().isEmpty)
        for (index, path) in paths.enumerated() {
            #expect(scratch.text("status/" + path.joined(separator: "/")) == "file \(index)")
        }
        let names = scratch.names("status/drop/a") + scratch.names("status/drop/b")
        #expect(names.count == count && !names.contains { $0.hasPrefix(".") }, "no temporary file is left")
    }

    @Test func aFailedFileIsNamedByItsTagAndTheOthersAreWritten() throws {
        let scratch = try ScratchTree()
        let writer = SafeTreeWriter(root: scratch.path + "/status")
        // A file where a folder should be.
        try writer.write(Array("in the way".utf8), to: ["drop", "blocked"])
        let batch = writer.batch(tagged: String.self)
        batch.add(Array("1".utf8), at: ["drop", "ok.json"], tag: "ok")
        batch.add(Array("2".utf8), at: ["drop", "blocked", "x.json"], tag: "blocked")
        batch.add(Array("3".utf8), at: ["drop", "..", "x.json"], tag: "unsafe")
        let failures = batch.commit()
        #expect(Set(failures.map(\.tag)) == ["blocked", "unsafe"])
        #expect(failures.first { $0.tag == "unsafe" }?.error as? Errno == .invalidArgument)
        #expect(scratch.text("status/drop/ok.json") == "1")
        #expect(scratch.text("status/drop/blocked") == "in the way")
    }

    @Test func aBatchDroppedWithoutCommitLeavesNothing() throws {
        let scratch = try ScratchTree()
        let writer = SafeTreeWriter(root: scratch.path + "/status")
        do {
            let batch = writer.batch(tagged: Int.self)
            for index in 0..<5 { batch.add(Array("x".utf8), at: ["drop", "\(index).json"], tag: index) }
            #expect(scratch.names("status/drop").count == 5)
        }
        #expect(scratch.names("status/drop").isEmpty)
    }
}
