import Foundation
import Testing
@testable import NianbaoPlatform
import NianbaoTestSupport

/// The polling watcher on a local folder: what each change becomes, waited for event by
/// event (scans every 20 ms; nothing is timed).
@Suite(.serialized, .timeLimit(.minutes(2)))
struct PollingWatcherTests {
    static let fast = PollingWatcher.Settings(interval: .milliseconds(20))

    @Test func filesAreFoundCreatedChangedRenamedAndRemoved() throws {
        let folder = try TemporaryFolder("nianbao-poll")
        defer { folder.remove() }
        try writeFile(folder.sub("old.txt"))
        try FileManager.default.createDirectory(atPath: folder.sub("d/e"), withIntermediateDirectories: true)
        try writeFile(folder.sub("d/e/deep.txt"))
        let root = folder.path
        let recorder = try PollRecorder(PollingWatcher(root: root, settings: Self.fast))
        defer { recorder.watcher.stop() }
        #expect(recorder.wait(for: .scanCompleted(root: root, reason: .initial)))
        #expect(Set(recorder.watchEvents.compactMap { if case .fileFound(_, let p) = $0 { p } else { nil } }) == ["old.txt", "d/e/deep.txt"])

        // New: created, carrying the identity the scan saw.
        try writeFile(folder.sub("d/new.txt"), "new\n")
        #expect(recorder.wait(for: .fileCreated(root: root, path: "d/new.txt")))
        let identity = recorder.events.compactMap { event -> FileIdentity? in
            if case .watch(.fileCreated(_, "d/new.txt"), let identity) = event { identity } else { nil }
        }.first
        #expect(identity?.size == 4)

        // Changed in a directory whose mtime does not change: seen by the fstatat of known entries.
        try appendFile(folder.sub("d/e/deep.txt"), "more\n")
        #expect(recorder.wait(for: .fileClosedAfterWrite(root: root, path: "d/e/deep.txt")))

        // Renamed: the inode at a new path.
        #expect(rename(folder.sub("old.txt"), folder.sub("d/renamed.txt")) == 0)
        #expect(recorder.wait(for: .fileMovedIn(root: root, path: "d/renamed.txt")))
        #expect(recorder.count(.fileRemoved(root: root, path: "old.txt")) == 1)
        #expect(recorder.count(.fileCreated(root: root, path: "d/renamed.txt")) == 0)

        // An upload under a temporary name, renamed when complete: only the final name is told.
        try writeFile(folder.sub("upload.txt.part"), "upload\n")
        #expect(rename(folder.sub("upload.txt.part"), folder.sub("upload.txt")) == 0)
        #expect(recorder.wait { events in events.contains {
            if case .watch(.fileMovedIn(_, "upload.txt"), _) = $0 { true } else if case .watch(.fileCreated(_, "upload.txt"), _) = $0 { true } else { false }
        } })
        #expect(!recorder.watchEvents.contains { $0.path?.hasSuffix(".part") == true })

        // Removed: a file, then a directory (one event for everything below).
        #expect(unlink(folder.sub("d/new.txt")) == 0)
        #expect(recorder.wait(for: .fileRemoved(root: root, path: "d/new.txt")))
        // Moved away at once (rm -r would remove the file first, which a scan may see).
        let away = try TemporaryFolder("nianbao-poll-away")
        defer { away.remove() }
        #expect(rename(folder.sub("d/e"), away.sub("e")) == 0)
        #expect(recorder.wait(for: .directoryRemoved(root: root, path: "d/e")))
        #expect(recorder.count(.fileRemoved(root: root, path: "d/e/deep.txt")) == 0)
    }

    @Test func aLostRootIsToldAndRestored() throws {
        let folder = try TemporaryFolder("nianbao-poll")
        defer { folder.remove() }
        let root = folder.sub("drop")
        let recorder = try PollRecorder(PollingWatcher(root: root, settings: Self.fast))
        defer { recorder.watcher.stop() }
        #expect(recorder.wait(for: .rootLost(root: root)))
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try writeFile(root + "/a.txt")
        #expect(recorder.wait(for: .scanCompleted(root: root, reason: .rootRestored)))
        #expect(recorder.watchEvents.contains(.rootRestored(root: root)))
        #expect(recorder.watchEvents.contains(.fileFound(root: root, path: "a.txt")))
    }

    @Test func aRequestedRescanFindsEverythingAgain() throws {
        let folder = try TemporaryFolder("nianbao-poll")
        defer { folder.remove() }
        try writeFile(folder.sub("a.txt"))
        let recorder = try PollRecorder(PollingWatcher(root: folder.path, settings: Self.fast))
        defer { recorder.watcher.stop() }
        #expect(recorder.wait(for: .scanCompleted(root: folder.path, reason: .initial)))
        recorder.watcher.rescan()
        #expect(recorder.wait(for: .scanCompleted(root: folder.path, reason: .requested)))
        #expect(recorder.count(.fileFound(root: folder.path, path: "a.txt")) == 2)
    }

    @Test func symbolicLinksBelowTheRootAreReportedNotFollowed() throws {
        let folder = try TemporaryFolder("nianbao-poll")
        defer { folder.remove() }
        let outside = try TemporaryFolder("nianbao-poll-outside")
        defer { outside.remove() }
        try writeFile(outside.sub("secret.txt"))
        #expect(symlink(outside.path, folder.sub("link")) == 0)
        let recorder = try PollRecorder(PollingWatcher(root: folder.path, settings: Self.fast))
        defer { recorder.watcher.stop() }
        #expect(recorder.wait(for: .scanCompleted(root: folder.path, reason: .initial)))
        #expect(recorder.watchEvents.contains(.fileFound(root: folder.path, path: "link")))
        #expect(!recorder.watchEvents.contains { $0.path?.contains("secret") == true })
    }
}
