import Foundation
import Testing
@testable import NianbaoPlatform
import NianbaoTestSupport

@Suite("Inotify TreeWatcher roots", .serialized)
struct InotifyTreeWatcherRootTests {
    @Test func rootDeletedThenRecreatedIsRestoredAndJudgedAgain() async throws {
        let parent = try TemporaryFolder()
        defer { parent.remove() }
        let root = parent.sub("drop")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false)
        let recorder = try EventRecorder(roots: [root])
        #expect(await recorder.wait(for: .scanCompleted(root: root, reason: .initial)))

        try FileManager.default.removeItem(atPath: root)
        #expect(await recorder.wait(for: .rootLost(root: root)))
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false)
        #expect(await recorder.wait(for: .rootRestored(root: root)))
        #expect(await recorder.wait(for: .scanCompleted(root: root, reason: .rootRestored)))
        try writeFile(root + "/after.txt")
        #expect(await recorder.wait(for: .fileClosedAfterWrite(root: root, path: "after.txt")))
        await recorder.stop()
    }

    @Test func rootMissingAtStartIsWatchedWhenItsAncestorsAppear() async throws {
        let parent = try TemporaryFolder()
        defer { parent.remove() }
        let root = parent.sub("a/b/drop")
        let recorder = try EventRecorder(roots: [root])
        #expect(await recorder.wait(for: .rootLost(root: root)))
        #expect(!recorder.events.contains(.scanCompleted(root: root, reason: .initial)))

        // Whether the watcher has moved its watch down to a/b before drop appears or finds
        // drop already there when it looks, it must restore the root and find early.txt.
        try FileManager.default.createDirectory(atPath: parent.sub("a/b"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/inbox", withIntermediateDirectories: true)
        try writeFile(root + "/inbox/early.txt")
        #expect(await recorder.wait(for: .rootRestored(root: root)))
        #expect(await recorder.wait { _ in recorder.reportedPaths().contains("inbox/early.txt") })
        try writeFile(root + "/inbox/late.txt")
        #expect(await recorder.wait(for: .fileClosedAfterWrite(root: root, path: "inbox/late.txt")))
        await recorder.stop()
    }

    @Test func rootMovedAwayIsLostAndAnotherFolderMovedInPlaceIsScanned() async throws {
        let parent = try TemporaryFolder()
        defer { parent.remove() }
        let root = parent.sub("drop")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: parent.sub("staged"), withIntermediateDirectories: false)
        try writeFile(parent.sub("staged/ready.txt"))
        let recorder = try EventRecorder(roots: [root])
        #expect(await recorder.wait(for: .scanCompleted(root: root, reason: .initial)))

        #expect(rename(root, parent.sub("old")) == 0)
        #expect(await recorder.wait(for: .rootLost(root: root)))
        #expect(rename(parent.sub("staged"), root) == 0)
        #expect(await recorder.wait(for: .rootRestored(root: root)))
        #expect(await recorder.wait(for: .fileFound(root: root, path: "ready.txt")))
        // Nothing is reported for the old tree that now lives elsewhere.
        try writeFile(parent.sub("old/ghost.txt"))
        try writeFile(root + "/marker.txt")
        #expect(await recorder.wait(for: .fileClosedAfterWrite(root: root, path: "marker.txt")))
        #expect(!recorder.events.contains { $0.path == "ghost.txt" })
        await recorder.stop()
    }

    @Test func rootsCanBeAddedAndRemovedWhileRunning() async throws {
        let first = try TemporaryFolder()
        let second = try TemporaryFolder()
        defer { first.remove(); second.remove() }
        try writeFile(second.sub("existing.txt"))
        let recorder = try EventRecorder(roots: [first.path])
        #expect(await recorder.wait(for: .scanCompleted(root: first.path, reason: .initial)))

        recorder.watcher.addRoot(second.path + "/")
        #expect(await recorder.wait(for: .scanCompleted(root: second.path, reason: .initial)))
        #expect(recorder.events.contains(.fileFound(root: second.path, path: "existing.txt")))

        recorder.watcher.removeRoot(first.path)
        // Commands run in order on the reader thread: once the rescan is reported, the removal is done.
        recorder.watcher.rescan()
        #expect(await recorder.wait(for: .scanCompleted(root: second.path, reason: .requested)))
        #expect(!recorder.events.contains(.scanCompleted(root: first.path, reason: .requested)))
        try writeFile(first.sub("ignored.txt"))
        try writeFile(second.sub("seen.txt"))
        // One inotify queue, in order: an event for ignored.txt would be recorded before seen.txt's.
        #expect(await recorder.wait(for: .fileClosedAfterWrite(root: second.path, path: "seen.txt")))
        #expect(!recorder.events.contains { $0.path == "ignored.txt" })
        await recorder.stop()
    }

    @Test func requestedRescanReportsEveryFileAgain() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.sub("d"), withIntermediateDirectories: false)
        try writeFile(folder.sub("d/one.txt"))
        let recorder = try EventRecorder(roots: [folder.path])
        #expect(await recorder.wait(for: .scanCompleted(root: folder.path, reason: .initial)))
        recorder.watcher.rescan()
        #expect(await recorder.wait(for: .scanCompleted(root: folder.path, reason: .requested)))
        #expect(recorder.events.filter { $0 == .fileFound(root: folder.path, path: "d/one.txt") }.count == 2)
        // Watches survive the rebuild.
        try writeFile(folder.sub("d/two.txt"))
        #expect(await recorder.wait(for: .fileClosedAfterWrite(root: folder.path, path: "d/two.txt")))
        await recorder.stop()
    }
}
