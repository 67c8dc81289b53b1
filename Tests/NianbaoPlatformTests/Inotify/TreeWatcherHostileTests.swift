import Foundation
import Testing
@testable import NianbaoPlatform
import NianbaoTestSupport

@Suite("Inotify TreeWatcher hostile entries", .serialized)
struct InotifyTreeWatcherHostileTests {
    @Test func symlinkedDirectoriesAreReportedButNeverEntered() async throws {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder("nianbao-outside")
        defer { folder.remove(); outside.remove() }
        try writeFile(outside.sub("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder.sub("link"), withDestinationPath: outside.path)

        let recorder = try EventRecorder(roots: [folder.path])
        #expect(await recorder.wait(for: .scanCompleted(root: folder.path, reason: .initial)))
        #expect(recorder.events.contains(.fileFound(root: folder.path, path: "link")))
        try writeFile(outside.sub("later.txt"))
        try writeFile(folder.sub("marker.txt"))
        #expect(await recorder.wait(for: .fileClosedAfterWrite(root: folder.path, path: "marker.txt")))
        #expect(!recorder.events.contains { $0.path?.hasPrefix("link/") == true })
        await recorder.stop()
    }

    @Test func fifosAndSocketsAreReportedWithoutBlocking() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(mkfifo(folder.sub("before.fifo"), 0o644) == 0)
        let recorder = try EventRecorder(roots: [folder.path])
        #expect(await recorder.wait(for: .scanCompleted(root: folder.path, reason: .initial)))
        #expect(recorder.events.contains(.fileFound(root: folder.path, path: "before.fifo")))
        #expect(mkfifo(folder.sub("after.fifo"), 0o644) == 0)
        #expect(await recorder.wait(for: .fileCreated(root: folder.path, path: "after.fifo")))
        await recorder.stop()
    }

    @Test func queueOverflowIsReportedAndEveryFileIsFoundByTheRescan() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Folders watched from the start, so that every file written below produces queued events.
        for index in 0 ..< 10 {
            try FileManager.default.createDirectory(atPath: folder.sub("d\(index)"), withIntermediateDirectories: false)
        }
        let sysctl = "/proc/sys/fs/inotify/max_queued_events"
        let previous = (try? String(contentsOfFile: sysctl, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        // The limit is copied into each inotify instance when it is created: lower it only for that moment.
        let lowered = previous != nil && (try? "512".write(toFile: sysctl, atomically: false, encoding: .utf8)) != nil
        let watcher = TreeWatcher(roots: [folder.path])
        let recorder: EventRecorder
        do {
            defer { if lowered, let previous { try? previous.write(toFile: sysctl, atomically: false, encoding: .utf8) } }
            recorder = try EventRecorder(watcher)
        }
        #expect(await recorder.wait(for: .scanCompleted(root: folder.path, reason: .initial)))

        let count = lowered ? 5000 : 20000
        recorder.watcher.pauseReaderForTesting()
        var expected = Set<String>()
        for index in 0 ..< count {
            let name = "d\(index % 10)/r\(index).txt"
            try writeFile(folder.sub(name), "\(index)\n")
            expected.insert(name)
        }
        recorder.watcher.resumeReaderForTesting()

        let rescanned = await recorder.wait(seconds: 60) { $0.contains(.scanCompleted(root: folder.path, reason: .overflow)) }
        #expect(rescanned)
        let overflowSeen = recorder.events.contains(.overflow)
        #expect(overflowSeen)
        let missing = expected.subtracting(recorder.reportedPaths())
        #expect(missing.isEmpty, "missing \(missing.count) files, e.g. \(missing.prefix(3))")
        await recorder.stop()
    }

    @Test func namesThatAreNotUTF8AreReportedAndReadableLosslessly() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let recorder = try EventRecorder(roots: [folder.path])
        #expect(await recorder.wait(for: .scanCompleted(root: folder.path, reason: .initial)))
        // "年报.txt" encoded in GBK, as a Windows copy without conversion would name it.
        var name = Array(folder.path.utf8) + Array("/".utf8) + [0xC4, 0xEA, 0xB1, 0xA8] + Array(".txt".utf8)
        name.append(0)
        let fd = name.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644) }
        }
        #expect(fd >= 0)
        close(fd)
        let escaped = FileNameCoding.decode([0xC4, 0xEA, 0xB1, 0xA8] + Array(".txt".utf8))
        #expect(FileNameCoding.encode(escaped) == [0xC4, 0xEA, 0xB1, 0xA8] + Array(".txt".utf8))
        #expect(await recorder.wait(for: .fileClosedAfterWrite(root: folder.path, path: escaped)))
        // The reader opens it under its exact bytes.
        if case .content(let bytes, _) = SafeFileReader().read(path: escaped, within: folder.path, maxBytes: 1024) {
            #expect(bytes.isEmpty)
        } else {
            Issue.record("the GBK-named file could not be read")
        }
        try writeFile(folder.sub("still-working.txt"))
        #expect(await recorder.wait(for: .fileClosedAfterWrite(root: folder.path, path: "still-working.txt")))
        await recorder.stop()
    }

    @Test func stopEndsTheStreamAndIsIdempotent() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let recorder = try EventRecorder(roots: [folder.path])
        #expect(await recorder.wait(for: .scanCompleted(root: folder.path, reason: .initial)))
        await recorder.stop()
        recorder.watcher.stop()
        recorder.watcher.rescan()
        try writeFile(folder.sub("after-stop.txt"))
        // `stop()` returned after the stream finished: nothing can be recorded any more.
        #expect(!recorder.events.contains { $0.path == "after-stop.txt" })
    }
}
