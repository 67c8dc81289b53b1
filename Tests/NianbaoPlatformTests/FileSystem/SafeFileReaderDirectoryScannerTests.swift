import Foundation
import Testing
import NianbaoPlatform
import NianbaoTestSupport

@Suite("SafeFileReader DirectoryScanner")
struct SafeFileReaderDirectoryScannerTests {
    @Test func listsFilesRecursivelyWithoutFollowingLinksOrTemporaryNames() throws {
        let root = FileManager.default.temporaryDirectory.path + "/nianbao-scan-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/a/b", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("1".utf8).write(to: URL(fileURLWithPath: root + "/top.txt"))
        try Data("2".utf8).write(to: URL(fileURLWithPath: root + "/a/b/deep.txt"))
        try Data("3".utf8).write(to: URL(fileURLWithPath: root + "/a/b/deep.txt.part"))
        try FileManager.default.createSymbolicLink(atPath: root + "/a/etc", withDestinationPath: "/etc")
        #expect(mkfifo(root + "/a/pipe", 0o644) == 0)

        let listing = DirectoryScanner().scan(root: root)
        let entries = Dictionary(uniqueKeysWithValues: listing.entries.map { ($0.path, $0.kind) })
        #expect(entries == ["top.txt": .regular, "a/b/deep.txt": .regular, "a/etc": .symlink, "a/pipe": .fifo])
        #expect(!listing.truncated)

        let limited = DirectoryScanner(maxEntries: 2).scan(root: root)
        #expect(limited.truncated)
        #expect(limited.entries.count == 2)
        let shallow = DirectoryScanner(maxDepth: 1).scan(root: root)
        #expect(shallow.truncated)
        #expect(!shallow.entries.contains { $0.path == "a/b/deep.txt" })
    }
}
