import Dispatch

/// Makes a ``WatchPlan`` for a folder from `statfs` and `/proc/self/mountinfo`, without
/// ever blocking its caller for long: `statfs` on a hung network mount does not return,
/// so it runs on a thread of its own (not Dispatch's global pool, whose threads a busy
/// process may hold for longer than the timeout) and is given up after `timeout` (the
/// folder is then polled, which never blocks the daemon either).
public enum WatchPlanDetector {
    /// The plan for `root` (absolute) as `requested`.
    public static func plan(root: String, requested: WatchPlan.Requested, timeout: Duration = .seconds(2)) -> WatchPlan {
        let mounts = MountTable.current()
        let below = mounts.mounts(below: root)
        guard requested == .auto || requested == .inotify else {
            return WatchPlan.make(requested: requested, root: root, rootRemote: nil, mounts: below)
        }
        let remote: String?
        switch statfsWithin(root, timeout: timeout) {
        case .answered(let kind?):
            remote = kind.remote
        case .answered(nil):
            // Missing (created or mounted later): judge by the mount that would hold it.
            remote = mounts.mount(holding: root).flatMap { FileSystemType.isRemote(typeName: $0.type) ? $0.type : nil }
        case .timedOut:
            remote = "unresponsive"
        }
        return WatchPlan.make(requested: requested, root: root, rootRemote: remote, mounts: below)
    }

    enum Answer { case answered((remote: String?, magic: Int)?), timedOut }

    final class Box: @unchecked Sendable {
        var value: (remote: String?, magic: Int)?
    }

    static func statfsWithin(_ path: String, timeout: Duration) -> Answer {
        let done = DispatchSemaphore(value: 0)
        let box = Box()
        let asked: @Sendable () -> Void = {
            box.value = FileSystemType.statfsKind(path)
            done.signal()
        }
        do { try ReaderThread(asked).detach() } catch { asked() }
        let (seconds, attoseconds) = timeout.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        guard done.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success else { return .timedOut }
        return .answered(box.value)
    }
}
