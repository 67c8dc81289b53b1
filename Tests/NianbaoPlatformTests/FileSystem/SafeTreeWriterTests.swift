import Foundation
import SystemPackage
import Testing
@testable import NianbaoPlatform

/// Single writes, streams, reads and removals of the writer on real files.
@Suite struct SafeTreeWriterTests {
    @Test func oneFileByItsPath() throws {
        let scratch = try ScratchTree()
        let path = scratch.path + "/out/nianbao.prom"
        try SafeTreeWriter.replaceFile(at: path, with: Array("m 1\n".utf8), permissions: [.ownerReadWrite, .groupRead, .otherRead])
        #expect(scratch.text("out/nianbao.prom") == "m 1\n")
        #expect(scratch.info("out/nianbao.prom").map { $0.st_mode & 0o777 } == 0o644)
        try SafeTreeWriter.removeFile(at: path)
        try SafeTreeWriter.removeFile(at: path)
        #expect(scratch.names("out").isEmpty)
    }

    @Test func writeReplacesAndCreatesTheFoldersOnTheWay() throws {
        let scratch = try ScratchTree()
        let writer = SafeTreeWriter(root: scratch.path + "/new/root")
        try writer.write(Array("one".utf8), to: ["a", "b", "f.txt"])
        let first = scratch.info("new/root/a/b/f.txt")?.st_ino
        try writer.write(Array("two".utf8), to: ["a", "b", "f.txt"])
        #expect(scratch.text("new/root/a/b/f.txt") == "two")
        #expect(scratch.info("new/root/a/b/f.txt")?.st_ino != first, "replaced by a rename, not rewritten in place")
        #expect(scratch.names("new/root/a/b") == ["f.txt"])
        #expect(writer.location(["a", "b", "f.txt"]) == scratch.path + "/new/root/a/b/f.txt")
    }

    @Test func aStreamIsInvisibleUntilCommittedAndGoneWhenDiscarded() throws {
        let scratch = try ScratchTree()
        let writer = SafeTreeWriter(root: scratch.path)
        let page = try writer.stage(["index.html"])
        let piece = [UInt8](repeating: UInt8(ascii: "x"), count: 10_000)
        for _ in 0..<20 { piece.withUnsafeBytes { page.write($0) } }
        #expect(scratch.text("index.html") == nil)
        try page.commit()
        #expect(scratch.info("index.html")?.st_size == 200_000)
        var read = 0
        #expect(writer.read(["index.html"]) { read += $0.count; return true })
        #expect(read == 200_000)

        let dropped = try writer.stage(["index.html"])
        dropped.write(Array("short".utf8))
        dropped.discard()
        #expect(scratch.info("index.html")?.st_size == 200_000)
        #expect(scratch.names() == ["index.html"])
    }

    @Test func removeTakesEmptiedFoldersAwayDownToWhatIsKept() throws {
        let scratch = try ScratchTree()
        let writer = SafeTreeWriter(root: scratch.path)
        try writer.write(Array("1".utf8), to: ["drop", "a", "b", "r.json"])
        try writer.write(Array("2".utf8), to: ["drop", "a", "s.json"])
        #expect(try writer.remove(["r.json", "missing.json"], in: ["drop", "a", "b"], keeping: 1))
        #expect(scratch.names("drop/a") == ["s.json"], "b was emptied and removed; a still holds s.json")
        #expect(try writer.remove(["s.json"], in: ["drop", "a"], keeping: 1))
        #expect(scratch.names() == ["drop"] && scratch.names("drop").isEmpty, "the kept folder stays")
        #expect(try writer.remove(["x"], in: ["drop"], keeping: 0) == false)
        #expect(scratch.names().isEmpty)
        #expect(try writer.remove(["x"], in: ["gone", "deeper"]) == false, "a missing folder is not an error")
    }
}
