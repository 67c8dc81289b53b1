import Foundation
import SystemPackage
import Testing
@testable import NianbaoPlatform

/// The writer never leaves its tree: a symbolic link planted anywhere below the root
/// is refused, not followed, and unsafe components are refused before any call.
@Suite struct SafeTreeWriterLinkTests {
    @Test func aLinkedFolderInThePathIsRefusedNotFollowed() throws {
        let scratch = try ScratchTree()
        let outside = try ScratchTree()
        try FileManager.default.createDirectory(atPath: scratch.path + "/tree/a", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/tree/a/b", withDestinationPath: outside.path)
        let writer = SafeTreeWriter(root: scratch.path + "/tree")
        // O_NOFOLLOW | O_DIRECTORY on a link: ENOTDIR on Linux (ELOOP elsewhere).
        let refused: (any Error) -> Bool = { [.notDirectory, .tooManySymbolicLinkLevels].contains($0 as? Errno) }
        #expect(performing: { try writer.write(Array("x".utf8), to: ["a", "b", "f.json"]) }, throws: refused)
        #expect(performing: { try writer.write(Array("x".utf8), to: ["a", "b", "c", "f.json"]) }, throws: refused)
        #expect(performing: { try writer.stage(["a", "b", "f.json"]) }, throws: refused)
        #expect(performing: { try writer.remove(["f.json"], in: ["a", "b"]) }, throws: refused)
        let batch = writer.batch(tagged: Int.self)
        batch.add(Array("x".utf8), at: ["a", "b", "f.json"], tag: 7)
        batch.add(Array("y".utf8), at: ["a", "g.json"], tag: 8)
        let failures = batch.commit()
        #expect(failures.map(\.tag) == [7])
        #expect(scratch.text("tree/a/g.json") == "y")
        #expect(outside.names().isEmpty, "nothing was written through the link")
        // Reading does not follow it either.
        try Data("secret".utf8).write(to: URL(fileURLWithPath: outside.path + "/f.json"))
        #expect(!writer.read(["a", "b", "f.json"]) { _ in true })
        #expect(scratch.info("tree/a/b").map { $0.st_mode & S_IFMT } == S_IFLNK, "the link itself stays")
    }

    @Test func aLinkAtTheTargetIsReplacedNotWrittenThrough() throws {
        let scratch = try ScratchTree()
        try Data("keep".utf8).write(to: URL(fileURLWithPath: scratch.path + "/victim"))
        try FileManager.default.createDirectory(atPath: scratch.path + "/tree", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/tree/f.json", withDestinationPath: scratch.path + "/victim")
        let writer = SafeTreeWriter(root: scratch.path + "/tree")
        #expect(!writer.read(["f.json"]) { _ in true }, "a link at the name is not read through")
        #expect(mkfifo(scratch.path + "/tree/fifo", 0o644) == 0)
        #expect(!writer.read(["fifo"]) { _ in true }, "only a regular file is read")
        try writer.write(Array("new".utf8), to: ["f.json"])
        #expect(scratch.text("victim") == "keep")
        #expect(scratch.text("tree/f.json") == "new")
        #expect(scratch.info("tree/f.json").map { $0.st_mode & S_IFMT } == S_IFREG)
    }

    @Test func unsafeComponentsAreRefusedBeforeAnyCall() throws {
        let scratch = try ScratchTree()
        let writer = SafeTreeWriter(root: scratch.path + "/tree")
        for path in [[".."], ["a", "..", "..", "x"], ["."], [""], ["a/b"], ["a\0b"], []] {
            #expect(throws: Errno.invalidArgument, "\(path)") { try writer.write(Array("x".utf8), to: path) }
        }
        #expect(throws: Errno.invalidArgument) { try writer.remove([".."], in: []) }
        #expect(throws: Errno.invalidArgument) { try writer.remove(["x"], in: ["..", "a"]) }
        #expect(scratch.names().isEmpty, "not even the root was created")
    }

    @Test func thePlainNameCheck() {
        for name in ["a", "...", ".hidden", "报告.docx", "a b"] { #expect(PathComponent.isPlainName(name), "\(name)") }
        for name in ["", ".", "..", "a/b", "/", "a\0"] { #expect(!PathComponent.isPlainName(name), "\(name)") }
        #expect(PathComponent.plainComponents("a/b/c") == ["a", "b", "c"])
        for path in ["", "/a", "a//b", "a/./b", "a/../b", "a/"] { #expect(PathComponent.plainComponents(path) == nil, "\(path)") }
    }
}
