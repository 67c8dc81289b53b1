import NianbaoDaemon
import NianbaoPlatform
import Testing
@testable import NianbaoDaemon

/// A report deleted while it is judged ends removed, never current; reports of a
/// drop folder removed by a reload (or missing from the configuration at a restart)
/// are retired, and the work queued for them is dropped.
@Suite struct GoneReportStateTests {
    static let other = DropFolder(name: "other", path: "/srv/other")

    @Test func aReportDeletedWhileJudgedGetsNoVerdict() {
        var state = S.state()
        #expect(state.apply(S.moved("a.txt")).reads == ["a.txt"])
        _ = state.apply(.watch(.fileRemoved(root: S.root, path: "a.txt"), identity: nil))
        let judged = state.apply(.judged(S.job("a.txt"), .verdict(S.record("a.txt"))))
        #expect(judged.appends.isEmpty, "no verdict for a file that is gone")
        #expect(state.current.isEmpty && state.backlog == 0)
    }

    @Test func aReportDeletedWhileItsVerdictIsWrittenIsRetiredAfterIt() {
        var state = S.state()
        _ = state.apply(S.moved("a.txt"))
        let appends = state.apply(.judged(S.job("a.txt"), .verdict(S.record("a.txt")))).appends
        #expect(appends.count == 1)
        _ = state.apply(.watch(.fileRemoved(root: S.root, path: "a.txt"), identity: nil))
        let durable = state.apply(.appended(appends[0].0, appends[0].1, line: Array("{}".utf8)))
        #expect(durable.removals == ["a.txt"], "the verdict is followed by its removal")
        #expect(state.current[S.key("a.txt")] == nil)
        _ = state.apply(.removalDurable(S.key("a.txt"), S.record("a.txt")))
        #expect(state.current.isEmpty && state.backlog == 0)
    }

    @Test func aChangedReportDeletedWhileJudgedEndsRemoved() {
        var state = S.state(current: [S.key("a.txt"): S.record("a.txt", sha: "old")])
        _ = state.apply(S.moved("a.txt"))
        let removed = state.apply(.watch(.fileRemoved(root: S.root, path: "a.txt"), identity: nil))
        #expect(removed.removals == ["a.txt"])
        #expect(state.apply(.judged(S.job("a.txt"), .verdict(S.record("a.txt", sha: "new")))).appends.isEmpty)
        #expect(state.current.isEmpty)
    }

    @Test func aReportPutBackWhileJudgedIsJudgedAgain() {
        var state = S.state()
        _ = state.apply(S.moved("a.txt"))
        _ = state.apply(.watch(.fileRemoved(root: S.root, path: "a.txt"), identity: nil))
        _ = state.apply(S.moved("a.txt"))
        let judged = state.apply(.judged(S.job("a.txt"), .verdict(S.record("a.txt"))))
        #expect(judged.appends.count == 1, "its file is back: the verdict stands")
    }

    @Test func aFolderDeletedWhileItsReportIsJudgedLeavesNoVerdict() {
        var state = S.state()
        _ = state.apply(S.moved("d/a.txt"))
        _ = state.apply(.watch(.directoryRemoved(root: S.root, path: "d"), identity: nil))
        #expect(state.apply(.judged(S.job("d/a.txt"), .verdict(S.record("d/a.txt")))).appends.isEmpty)
        #expect(state.current.isEmpty)
    }

    @Test func aDropRemovedByReloadMidBurstIsRetiredAndItsWorkDropped() {
        let drops = [DropFolder(name: "drop", path: S.root), Self.other]
        let oldKey = S.key("old.txt", drop: "other")
        var state = DropState(drops: drops, current: [oldKey: S.record("old.txt")], settings: .init(settle: S.settle, workers: 1))
        _ = state.apply(.watch(.scanCompleted(root: S.root, reason: .initial), identity: nil))
        _ = state.apply(.watch(.scanCompleted(root: Self.other.path, reason: .initial), identity: nil))
        let burst = (0..<5).map { "n\($0).txt" }
        var reads: [String] = []
        for name in burst { reads += state.apply(.watch(.fileMovedIn(root: Self.other.path, path: name), identity: nil)).reads }
        _ = state.apply(.watch(.fileClosedAfterWrite(root: Self.other.path, path: "settling.txt"), identity: S.identity(1)))
        #expect(reads == ["n0.txt"], "one worker: the rest wait")
        let reloaded = state.apply(.reconfigure([drops[0]]))
        #expect(reloaded.removals == ["old.txt"])
        #expect(reloaded.contains(.watchRoots(add: [], remove: [Self.other.path])))
        #expect(reloaded.reads.isEmpty, "queued reports of the removed folder are not started")
        let running = Job(key: S.key("n0.txt", drop: "other"), root: Self.other.path)
        #expect(state.apply(.judged(running, .verdict(S.record("n0.txt")))).appends.isEmpty)
        _ = state.apply(.removalDurable(oldKey, S.record("old.txt")))
        #expect(state.current.isEmpty)
        #expect(state.backlog == 0, "nothing of the removed folder waits or settles")
    }

    @Test func aDropMissingFromTheConfigurationAtStartIsRetiredOnceReady() {
        let key = S.key("old.txt", drop: "other")
        var state = DropState(
            drops: [DropFolder(name: "drop", path: S.root)], current: [key: S.record("old.txt")], settings: .init(settle: S.settle, workers: 1))
        let ready = state.apply(.watch(.scanCompleted(root: S.root, reason: .initial), identity: nil))
        #expect(ready.removals == ["old.txt"])
        #expect(ready.contains(.ready))
        _ = state.apply(.removalDurable(key, S.record("old.txt")))
        #expect(state.current.isEmpty)
    }
}
