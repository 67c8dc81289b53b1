import Foundation
import Testing
@testable import NianbaoPlatform

/// `PollTree` with `restatEvery` N > 1 (`watch.pollRecheckEvery`): the files of an
/// unchanged folder are looked at on a rotating 1/N share per scan. Scans are run by
/// hand, so each assertion is about one scan.
@Suite(.serialized)
struct PollTreeRecheckTests {
    static let names = ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"]

    /// The changed paths of one scan.
    func changed(_ tree: PollTree) throws -> [String] {
        guard case .success(let (changes, _)) = tree.scan(isStopping: { false }) else {
            Issue.record("the scan did not see the tree")
            return []
        }
        return changes.changed.map(\.path).sorted()
    }

    func settledTree(_ folder: TemporaryFolder, every: Int) throws -> PollTree {
        for name in Self.names { try writeFile(folder.sub(name)) }
        let tree = PollTree(root: folder.path, restatEvery: every)
        _ = try changed(tree)  // lists
        _ = try changed(tree)  // lists once more (see PollTree), files found unchanged
        return tree
    }

    func modificationTime(_ path: String) -> Int64 {
        var info = stat()
        _ = stat(path, &info)
        return PollTree.nanoseconds(info.st_mtim)
    }

    @Test func inPlaceRewritesAreSeenWithinNScansEachOnce() throws {
        let folder = try TemporaryFolder("nianbao-recheck")
        defer { folder.remove() }
        let tree = try settledTree(folder, every: 3)
        let folderTime = modificationTime(folder.path)
        for name in Self.names { try appendFile(folder.sub(name), "rewritten\n") }
        #expect(modificationTime(folder.path) == folderTime, "an in-place rewrite leaves the folder's mtime")

        // Each scan looks at a third of the files; together the three see each rewrite once.
        let scans = try (0..<3).map { _ in try changed(tree) }
        #expect(scans.map(\.count) == [2, 2, 2])
        #expect(scans.flatMap { $0 }.sorted() == Self.names)
        #expect(try changed(tree).isEmpty)
    }

    @Test func aChangedFileIsLookedAtEveryScanUntilFoundUnchanged() throws {
        let folder = try TemporaryFolder("nianbao-recheck")
        defer { folder.remove() }
        let tree = try settledTree(folder, every: 4)
        try appendFile(folder.sub("a.txt"), "1\n")
        var seen: [String] = []
        while seen.isEmpty { seen = try changed(tree) }
        #expect(seen == ["a.txt"])
        // Still being written: the very next scan sees the next write, whatever its share,
        // so the poller's second observation (the settling) is never skipped.
        try appendFile(folder.sub("a.txt"), "2\n")
        #expect(try changed(tree) == ["a.txt"])
        try appendFile(folder.sub("a.txt"), "3\n")
        #expect(try changed(tree) == ["a.txt"])
        #expect(tree.identity(of: "a.txt")?.size == Int64("report\n1\n2\n3\n".utf8.count))
    }

    @Test func newRenamedAndRemovedFilesAreSeenAtTheNextScan() throws {
        let folder = try TemporaryFolder("nianbao-recheck")
        defer { folder.remove() }
        let tree = try settledTree(folder, every: 100)
        try writeFile(folder.sub("new.txt"))
        #expect(rename(folder.sub("a.txt"), folder.sub("renamed.txt")) == 0)
        #expect(unlink(folder.sub("b.txt")) == 0)
        guard case .success(let (changes, _)) = tree.scan(isStopping: { false }) else {
            Issue.record("the scan did not see the tree")
            return
        }
        #expect(Set(changes.appeared.map(\.path)) == ["new.txt", "renamed.txt"])
        #expect(Set(changes.vanished.map(\.path)) == ["a.txt", "b.txt"])
    }
}
