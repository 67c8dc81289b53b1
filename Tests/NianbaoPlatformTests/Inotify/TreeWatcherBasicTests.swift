import Foundation
import Testing
@testable import NianbaoPlatform
import NianbaoTestSupport

@Suite("Inotify TreeWatcher basics", .serialized)
struct InotifyTreeWatcherBasicTests {
    @Test func initialScanFindsExistingFilesButNotTemporaryOnes() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.sub("2024/agency"), withIntermediateDirectories: true)
        try writeFile(folder.sub("top.txt"))
        try writeFile(folder.sub("2024/agency/report.docx"))
        try writeFile(folder.sub("2024/agency/report.docx.part"))
        try FileManager.default.createDirectory(atPath: folder.sub(".hidden"), withIntermediateDirectories: true)
        try writeFile(folder.sub(".hidden/secret.txt"))

        let recorder = try EventRecorder(roots: [folder.path])
        #expect(await recorder.wait(for: .scanCompleted(root: folder.path, reason: .initial)))
        #expect(recorder.reportedPaths() == ["top.txt", "2024/agency/report.docx"])
        await recorder.stop()
    }

    @Test func slowWriterClosingAfterEachChunkIsReportedSeveralTimes() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let recorder = try EventRecorder(roots: [folder.path])
        #expect(await recorder.wait(for: .scanCompleted(root: folder.path, reason: .initial)))

        let file = folder.sub("slow.txt")
        let closeWrite = WatchEvent.fileClosedAfterWrite(root: folder.path, path: "slow.txt")
        try writeFile(file, "chunk 0\n")
        for index in 1 ..< 10 {
            // The writer pauses until the watcher has read its last close: inotify merges
            // identical events still queued, which a slow writer never produces.
            #expect(await recorder.wait { events in events.filter { $0 == closeWrite }.count >= index })
            try appendFile(file, "chunk \(index)\n")
        }
        #expect(await recorder.wait { events in events.filter { $0 == closeWrite }.count >= 10 })
        await recorder.stop()
    }

    @Test func atomicRenameIsReportedOnceAndTemporaryNameNever() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let recorder = try EventRecorder(roots: [folder.path])
        #expect(await recorder.wait(for: .scanCompleted(root: folder.path, reason: .initial)))

        try writeFile(folder.sub("x.tmp"), "final content\n")
        #expect(rename(folder.sub("x.tmp"), folder.sub("x.txt")) == 0)
        let moved = WatchEvent.fileMovedIn(root: folder.path, path: "x.txt")
        #expect(await recorder.wait(for: moved))
        // Anything more about x.txt or x.tmp would arrive before the sentinel's event.
        #expect(try await recorder.settle(root: folder.path))
        let events = recorder.events
        #expect(events.filter { $0 == moved }.count == 1)
        #expect(!events.contains { $0.path?.contains("x.tmp") == true })
        #expect(!events.contains { $0.path == "x.txt" && $0 != moved })
        await recorder.stop()
    }

    @Test func copyIntoSubfolderCreatedAfterStart() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let recorder = try EventRecorder(roots: [folder.path])
        #expect(await recorder.wait(for: .scanCompleted(root: folder.path, reason: .initial)))

        try FileManager.default.createDirectory(atPath: folder.sub("agency"), withIntermediateDirectories: false)
        try writeFile(folder.sub("agency/report.pdf"))
        #expect(await recorder.wait { _ in recorder.reportedPaths().contains("agency/report.pdf") })
        // The new folder is watched: a later write is a close-after-write event.
        try appendFile(folder.sub("agency/report.pdf"), "more\n")
        #expect(await recorder.wait(for: .fileClosedAfterWrite(root: folder.path, path: "agency/report.pdf")))
        await recorder.stop()
    }

    @Test func nestedFoldersCreatedAtOnceNeverLoseTheirFirstFile() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let recorder = try EventRecorder(roots: [folder.path])
        #expect(await recorder.wait(for: .scanCompleted(root: folder.path, reason: .initial)))

        var expected = Set<String>()
        for index in 0 ..< 30 {
            let directory = "n\(index)/a/b/c"
            try FileManager.default.createDirectory(atPath: folder.sub(directory), withIntermediateDirectories: true)
            try writeFile(folder.sub(directory + "/f.txt"))
            expected.insert(directory + "/f.txt")
        }
        #expect(await recorder.wait { _ in recorder.reportedPaths().isSuperset(of: expected) })
        try appendFile(folder.sub("n29/a/b/c/f.txt"), "again\n")
        #expect(await recorder.wait(for: .fileClosedAfterWrite(root: folder.path, path: "n29/a/b/c/f.txt")))
        await recorder.stop()
    }

    @Test func directoryMovedInWithFilesIsScannedAndWatched() async throws {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder("nianbao-outside")
        defer { folder.remove(); outside.remove() }
        try FileManager.default.createDirectory(atPath: outside.sub("batch/deep"), withIntermediateDirectories: true)
        try writeFile(outside.sub("batch/one.txt"))
        try writeFile(outside.sub("batch/deep/two.txt"))

        let recorder = try EventRecorder(roots: [folder.path])
        #expect(await recorder.wait(for: .scanCompleted(root: folder.path, reason: .initial)))
        #expect(rename(outside.sub("batch"), folder.sub("batch")) == 0)
        #expect(await recorder.wait(for: .fileFound(root: folder.path, path: "batch/one.txt")))
        #expect(await recorder.wait(for: .fileFound(root: folder.path, path: "batch/deep/two.txt")))
        try writeFile(folder.sub("batch/deep/three.txt"))
        #expect(await recorder.wait(for: .fileClosedAfterWrite(root: folder.path, path: "batch/deep/three.txt")))
        await recorder.stop()
    }

    @Test func removalsAreReportedAndMovedOutDirectoriesAreForgotten() async throws {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder("nianbao-outside")
        defer { folder.remove(); outside.remove() }
        try FileManager.default.createDirectory(atPath: folder.sub("gone/sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.sub("away"), withIntermediateDirectories: true)
        try writeFile(folder.sub("delete-me.txt"))
        try writeFile(folder.sub("move-me.txt"))
        try writeFile(folder.sub("gone/sub/x.txt"))

        let recorder = try EventRecorder(roots: [folder.path])
        #expect(await recorder.wait(for: .scanCompleted(root: folder.path, reason: .initial)))
        #expect(unlink(folder.sub("delete-me.txt")) == 0)
        #expect(rename(folder.sub("move-me.txt"), outside.sub("move-me.txt")) == 0)
        try FileManager.default.removeItem(atPath: folder.sub("gone"))
        #expect(rename(folder.sub("away"), outside.sub("away")) == 0)

        #expect(await recorder.wait(for: .fileRemoved(root: folder.path, path: "delete-me.txt")))
        #expect(await recorder.wait(for: .fileRemoved(root: folder.path, path: "move-me.txt")))
        #expect(await recorder.wait(for: .fileRemoved(root: folder.path, path: "gone/sub/x.txt")))
        #expect(await recorder.wait(for: .directoryRemoved(root: folder.path, path: "gone")))
        #expect(await recorder.wait(for: .directoryRemoved(root: folder.path, path: "away")))

        // Writing into the moved-out folder must not be reported under the root.
        try writeFile(outside.sub("away/late.txt"))
        try writeFile(folder.sub("marker.txt"))
        #expect(await recorder.wait(for: .fileClosedAfterWrite(root: folder.path, path: "marker.txt")))
        #expect(!recorder.events.contains { $0.path?.hasSuffix("late.txt") == true })
        await recorder.stop()
    }
}
