import Foundation
import Testing
@testable import NianbaoPlatform
import NianbaoTestSupport

/// A real FUSE mount (bindfs): files written into the backing folder reach the mount
/// without an inotify event there; the poller sees them. A stopped FUSE daemon stalls
/// the scan, which is said once and resumed.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct PollingFuseTests {
    @Test func filesWrittenBehindTheMountAreSeenByPollingAndNotByInotify() async throws {
        guard try FuseMount.requireOrSkip() else { return }
        let folder = try TemporaryFolder("nianbao-fuse")
        defer { folder.remove() }
        let mount = try FuseMount(backing: folder.sub("backing"), mountPoint: folder.sub("mnt"))
        defer { mount.unmount() }
        let root = mount.mountPoint
        #expect(WatchPlanDetector.plan(root: root, requested: .auto) == WatchPlan(mode: .poll, polled: [""], reason: "fuse file system"))
        let inotify = try EventRecorder(roots: [root])
        #expect(await inotify.wait(for: .scanCompleted(root: root, reason: .initial)))
        let poller = try PollRecorder(PollingWatcher(root: root, settings: .init(interval: .milliseconds(50))))
        defer { poller.watcher.stop() }
        #expect(poller.wait(for: .scanCompleted(root: root, reason: .initial)))

        try writeFile(mount.backing + "/behind.txt")
        #expect(poller.wait(for: .fileCreated(root: root, path: "behind.txt")))
        // A file written through the mount is seen by inotify; by then the one written
        // behind it would have been reported too, had inotify seen it.
        try writeFile(root + "/through.txt")
        #expect(await inotify.wait(for: .fileClosedAfterWrite(root: root, path: "through.txt")))
        #expect(!inotify.reportedPaths().contains("behind.txt"))
        #expect(poller.wait(for: .fileCreated(root: root, path: "through.txt")))
        await inotify.stop()
    }

    @Test func aStoppedFuseDaemonStallsTheScanOnceAndItResumes() throws {
        guard try FuseMount.requireOrSkip() else { return }
        let folder = try TemporaryFolder("nianbao-fuse")
        defer { folder.remove() }
        let mount = try FuseMount(backing: folder.sub("backing"), mountPoint: folder.sub("mnt"))
        defer { mount.unmount() }
        let root = mount.mountPoint
        let settings = PollingWatcher.Settings(interval: .milliseconds(50), stallAfter: .milliseconds(500))
        let poller = try PollRecorder(PollingWatcher(root: root, settings: settings))
        #expect(poller.wait(for: .scanCompleted(root: root, reason: .initial)))
        mount.hang()
        #expect(poller.wait { $0.contains(.stalled(root: root, subtree: "")) })
        try writeFile(mount.backing + "/during.txt")
        mount.resume()
        #expect(poller.wait { $0.contains(.resumed(root: root, subtree: "")) })
        #expect(poller.wait(for: .fileCreated(root: root, path: "during.txt")))
        #expect(poller.events.filter { $0 == .stalled(root: root, subtree: "") }.count == 1)
        // A mount hung before the watcher starts: the first scan stalls, and counts as
        // complete (readiness), then completes for real when the share answers.
        mount.hang()
        let late = try PollRecorder(PollingWatcher(root: root, settings: settings))
        #expect(late.wait { $0.contains(.stalled(root: root, subtree: "")) })
        #expect(late.wait(for: .scanCompleted(root: root, reason: .initial)))
        #expect(!late.watchEvents.contains(.fileFound(root: root, path: "during.txt")))
        mount.resume()
        #expect(late.wait(for: .fileFound(root: root, path: "during.txt")))
        // The hung first scan counted as complete (for readiness), and the real one after it;
        // on a loaded machine the stall may be declared after the share answered: then one.
        #expect((1...2).contains(late.count(.scanCompleted(root: root, reason: .initial))))
        late.watcher.stop()
        // stop() never waits for a scan: hung again, it returns at once.
        mount.hang()
        poller.watcher.stop()
        mount.resume()
    }
}
