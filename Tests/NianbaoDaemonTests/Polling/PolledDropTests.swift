import Foundation
import NianbaoDaemon
import NianbaoPlatform
import NianbaoTestSupport
import Testing

/// The daemon on a real FUSE mount (bindfs): a drop folder on the mount is polled (files
/// written into the backing folder produce no inotify event on the mount), judged once
/// each, settled, renames and removals right; a stopped FUSE daemon stalls only its own
/// drop folder while the local one keeps getting verdicts and the watchdog keeps pinging.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct PolledDropTests {
    let sample = Fixtures.sample("000_fb640ca0b162b3d7.txt")
    let other = Fixtures.sample("001_53afeb125be3f4fc.txt")

    /// Two drop folders, `local` (inotify) and `share` (the bindfs mount, polled every second).
    func start(_ ws: Workspace, _ mount: FuseMount, notifier: RecordingNotifier, observer: NoticeRecorder,
               mixed: Bool = false, log: CapturedLog = CapturedLog()) -> InProcessDaemon {
        let seams = DaemonSeams(checker: ReportChecker(), notifier: notifier, observer: observer, stopChildren: {})
        return InProcessDaemon(ws, seams: seams, workers: 2, logger: log.logger) { config in
            config.drops = mixed
                ? [DropFolder(name: "local", path: ws.drop)]
                : [DropFolder(name: "local", path: ws.drop), DropFolder(name: "share", path: mount.mountPoint)]
            // A writer's pauses shorter than this are not taken for its end: 2 s, so a loaded
            // machine delaying the slow writer's 200 ms steps cannot cut it into pieces.
            config.settle = .seconds(2)
            config.watching.pollSeconds = 1
            config.watching.stallAfter = .seconds(2)
        }
    }

    @Test func filesBehindTheMountAreJudgedOnceEachWithRenamesAndRemovals() async throws {
        guard try FuseMount.requireOrSkip() else { return }
        let ws = try Workspace()
        let mount = try FuseMount(backing: ws.root + "/backing", mountPoint: ws.root + "/share")
        defer { mount.unmount() }
        let notifier = RecordingNotifier()
        let observer = NoticeRecorder()
        let log = CapturedLog()
        let daemon = start(ws, mount, notifier: notifier, observer: observer, log: log)
        let ready = try #require(await offPool { notifier.waitFor(timeout: 60) { $0.state == "READY=1" } }, "no READY=1; log: \(log.all.suffix(40)); notifications: \(notifier.all.map(\.state).suffix(20))")
        #expect(await offPool { Wait.until(timeout: 30) { observer.mode(of: "share") != nil && observer.mode(of: "local") != nil } })
        #expect(observer.mode(of: "share") == WatchPlan(mode: .poll, polled: [""], reason: "fuse file system"))
        #expect(observer.mode(of: "local")?.mode == .inotify)
        #expect(await offPool { notifier.waitFor(after: ready, timeout: 30) { $0.state.hasPrefix("STATUS=watching 2 folders (1 polled)") } } != nil)

        // Written behind the mount, plainly and into a subfolder made afterwards.
        try writePlain(mount.backing + "/a.txt", sample)
        try FileManager.default.createDirectory(atPath: mount.backing + "/agency/2025", withIntermediateDirectories: true)
        try writePlain(mount.backing + "/agency/2025/b.txt", other)
        #expect(await offPool { Wait.until(timeout: 60) { observer.verdictCount("share", "a.txt") == 1 && observer.verdictCount("share", "agency/2025/b.txt") == 1 } })

        // A rename is a rename: the old path removed, the new one judged, not a second copy kept.
        #expect(rename(mount.backing + "/a.txt", mount.backing + "/renamed.txt") == 0)
        #expect(await offPool { Wait.until(timeout: 60) { observer.removals("share", "a.txt") == 1 && observer.verdictCount("share", "renamed.txt") == 1 } })
        // A removal is recorded.
        #expect(unlink(mount.backing + "/agency/2025/b.txt") == 0)
        #expect(await offPool { Wait.until(timeout: 60) { observer.removals("share", "agency/2025/b.txt") == 1 } })

        // A slow writer on the share (1 KB every 200 ms for 5 s) is judged once, after it finished.
        let slow = mount.backing + "/slow.txt"
        let fd = open(slow, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        #expect(fd >= 0)
        var written: [UInt8] = []
        for index in 0..<25 {
            var chunk = Array(sample.dropFirst(index * 1024).prefix(1024))
            if chunk.count < 1024 { chunk += [UInt8](repeating: 0x0A, count: 1024 - chunk.count) }
            #expect(chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == 1024)
            written += chunk
            _ = await offPool { usleep(200_000) }
        }
        close(fd)
        #expect(await offPool { Wait.until(timeout: 60) { observer.verdictCount("share", "slow.txt") == 1 } })
        // And a sentinel written after it is judged, so anything the slow file would still cause has come.
        try writePlain(mount.backing + "/sentinel.txt", other)
        #expect(await offPool { Wait.until(timeout: 60) { observer.verdictCount("share", "sentinel.txt") == 1 } })
        await daemon.stop()
        #expect(observer.verdictCount("share", "slow.txt") == 1)
        let record = ws.journalRecords().compactMap { $0 }.last { $0.relativePath == "slow.txt" }
        #expect(record?.sha256 == ContentHash.sha256(written))
        #expect(observer.verdictCount("share", "renamed.txt") == 1)

        // After a restart nothing is judged twice (the journal), and what was removed stays removed.
        let again = NoticeRecorder()
        let notifier2 = RecordingNotifier()
        let second = start(ws, mount, notifier: notifier2, observer: again)
        _ = try #require(await offPool { notifier2.waitFor(timeout: 60) { $0.state == "READY=1" } })
        try writePlain(mount.backing + "/after.txt", sample)
        #expect(await offPool { Wait.until(timeout: 60) { again.verdictCount("share", "after.txt") == 1 } })
        await second.stop()
        #expect(again.verdictCount("share", "renamed.txt") == 0)
        #expect(again.verdictCount("share", "slow.txt") == 0)
    }

    @Test func aHungMountStallsOnlyItsDropAndTheWatchdogKeepsPinging() async throws {
        guard try FuseMount.requireOrSkip() else { return }
        let ws = try Workspace()
        let mount = try FuseMount(backing: ws.root + "/backing", mountPoint: ws.root + "/share")
        defer { mount.unmount() }
        let notifier = RecordingNotifier(watchdogInterval: .milliseconds(400))
        let observer = NoticeRecorder()
        let log = CapturedLog()
        let daemon = start(ws, mount, notifier: notifier, observer: observer, log: log)
        _ = try #require(await offPool { notifier.waitFor(timeout: 60) { $0.state == "READY=1" } }, "no READY=1; log: \(log.all.suffix(40)); notifications: \(notifier.all.map(\.state).suffix(20))")
        try writePlain(mount.backing + "/before.txt", sample)
        #expect(await offPool { Wait.until(timeout: 60) { observer.verdictCount("share", "before.txt") == 1 } })

        let share = mount.mountPoint
        mount.hang()
        let stalled = await offPool { Wait.until(timeout: 60) { observer.all.contains(.watchStalled(drop: "share", path: share)) } }
        #expect(stalled)
        let mark = notifier.all.count - 1
        _ = try #require(await offPool { notifier.waitFor(after: mark, timeout: 30) { $0.state.contains("stalled: share") } })
        // The local drop keeps getting verdicts, the watchdog keeps pinging.
        for name in ["one.txt", "two.txt"] {
            try ws.place(name, name == "one.txt" ? sample : other)
            #expect(await offPool { Wait.until(timeout: 60) { observer.verdictCount("local", name) == 1 } })
        }
        var pinged = notifier.all.count - 1
        for _ in 0..<3 {
            let after = pinged
            pinged = try #require(await offPool { notifier.waitFor(after: after, timeout: 20) { $0.state == "WATCHDOG=1" } })
        }
        // Written while hung, judged once the share answers; the stall was said once.
        try writePlain(mount.backing + "/during.txt", other)
        mount.resume()
        #expect(await offPool { Wait.until(timeout: 60) { observer.all.contains(.watchResumed(drop: "share", path: share)) } })
        #expect(await offPool { Wait.until(timeout: 60) { observer.verdictCount("share", "during.txt") == 1 } })
        #expect(observer.all.filter { $0 == .watchStalled(drop: "share", path: mount.mountPoint) }.count == 1)
        await daemon.stop()
    }

    @Test func aShareMountedBelowALocalDropIsPolledAndTheRestKeepsInotify() async throws {
        guard try FuseMount.requireOrSkip() else { return }
        let ws = try Workspace()
        let mount = try FuseMount(backing: ws.root + "/backing", mountPoint: ws.drop + "/nas")
        defer { mount.unmount() }
        let notifier = RecordingNotifier()
        let observer = NoticeRecorder()
        let log = CapturedLog()
        let daemon = start(ws, mount, notifier: notifier, observer: observer, mixed: true, log: log)
        _ = try #require(await offPool { notifier.waitFor(timeout: 60) { $0.state == "READY=1" } }, "no READY=1; log: \(log.all.suffix(40)); notifications: \(notifier.all.map(\.state).suffix(20))")
        // The mode notice comes through the loop's inbox, not necessarily before READY=1.
        #expect(await offPool { Wait.until(timeout: 30) { observer.mode(of: "local") != nil } })
        #expect(observer.mode(of: "local") == WatchPlan(mode: .mixed, polled: ["nas"], reason: "fuse mounted at nas"))
        try writePlain(mount.backing + "/remote.txt", sample)
        try ws.place("local.txt", other)
        #expect(await offPool { Wait.until(timeout: 60) { observer.verdictCount("local", "nas/remote.txt") == 1 && observer.verdictCount("local", "local.txt") == 1 } })
        await daemon.stop()
        #expect(observer.verdictCount("local", "nas/remote.txt") == 1)
    }
}
