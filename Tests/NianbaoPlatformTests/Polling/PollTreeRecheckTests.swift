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

    func settledTree(_ folder: TemporaryFolder, every: Int, hotScans: Int = 2) throws -> PollTree {
        for name in Self.names { try writeFile(folder.sub(name)) }
        let tree = PollTree(root: folder.path, restatEvery: every, hotScans: hotScans)
        _ = try changed(tree)  // lists
        _ = try changed(tree)  // lists once more (see PollTree), files found unchanged
        for _ in 0..<hotScans { _ = try changed(tree) }  // every file quiet for hotScans scans
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

    @Test func aWriterThatPausesIsStillLookedAtEveryScanForHotScans() throws {
        let folder = try TemporaryFolder("nianbao-recheck")
        defer { folder.remove() }
        // Rotation of 100: a file off the hot list would be looked at again only 100 scans later.
        let tree = try settledTree(folder, every: 100, hotScans: 3)
        try appendFile(folder.sub("a.txt"), "1\n")
        var seen: [String] = []
        var scans = 0
        while seen.isEmpty && scans < 200 { seen = try changed(tree); scans += 1 }
        #expect(seen == ["a.txt"])
        // The writer pauses for two scans (fewer than hotScans), then writes again: seen at once.
        #expect(try changed(tree).isEmpty)
        #expect(try changed(tree).isEmpty)
        try appendFile(folder.sub("a.txt"), "2\n")
        #expect(try changed(tree) == ["a.txt"])
        // Quiet for hotScans scans: it joins the rotation, and a write is no longer seen at once.
        for _ in 0..<3 { #expect(try changed(tree).isEmpty) }
        try appendFile(folder.sub("a.txt"), "3\n")
        var later = 0
        while try changed(tree).isEmpty { later += 1; if later > 200 { break } }
        #expect(later > 0 && later < 100, "seen within one rotation, not at once (\(later) scans)")
    }

    @Test func hotScansSpanTheSettleTime() {
        #expect(PollingWatcher.Settings(interval: .seconds(1), settle: .seconds(2)).hotScans == 4)
        #expect(PollingWatcher.Settings(interval: .seconds(5), settle: .milliseconds(200)).hotScans == 3)
        #expect(PollingWatcher.Settings(interval: .seconds(5)).hotScans == 2)
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
