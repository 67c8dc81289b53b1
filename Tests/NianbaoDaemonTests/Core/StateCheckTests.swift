@testable import NianbaoDaemon
import NianbaoPlatform
import Testing

/// Issue 20, self-healing, as decisions: once ready the state folders are looked at
/// every few seconds, so a deleted status directory is rebuilt promptly even when
/// nothing is written; the rebuild goes with the next status batch (never beside
/// one), once per loss; reports written back without their tables are judged again.
@Suite struct StateCheckTests {
    @Test func theStateIsLookedAtPeriodicallyOnceReadyUntilTheStop() {
        var state = D.state(ready: false)
        let ready = state.apply(.drop(.watch(.scanCompleted(root: S.root, reason: .initial), identity: nil)), now: D.s(1))
        #expect(ready.timers(.stateCheck) == [D.s(6)])
        let due = state.apply(.due(.stateCheck), now: D.s(6))
        #expect(due.contains(.checkState))
        #expect(due.timers(.stateCheck) == [D.s(11)])
        _ = state.apply(.stopRequested, now: D.s(7))
        let afterStop = state.apply(.due(.stateCheck), now: D.s(11))
        #expect(!afterStop.contains(.checkState) && afterStop.timers(.stateCheck).isEmpty)
    }

    @Test func aLostStatusDirectoryIsRebuiltWithTheNextBatchOncePerLoss() {
        var state = D.state()
        let lost = state.apply(.statusLost, now: D.s(5))
        #expect(lost.statusBatches == [StatusSchedule.Batch(changes: [:], summary: false, rebuild: true)],
                "rebuilt at once, though nothing else is to be written")
        // Seen again before the rebuild ended: one more rebuild would say it twice.
        #expect(state.apply(.statusLost, now: D.s(10)).statusBatches.isEmpty, "one batch at a time")
        _ = state.apply(.statusRebuilt(untabled: []), now: D.s(11))
        let written = state.apply(.statusWritten(.init()), now: D.s(11))
        #expect(written.statusBatches.isEmpty, "the loss seen before the rebuild is mended by it")
        // A later loss is rebuilt again.
        #expect(state.apply(.statusLost, now: D.s(20)).statusBatches.map(\.rebuild) == [true])
    }

    @Test func aBatchWaitingWhileTheDirectoryIsLostCarriesTheRebuild() {
        var state = D.state()
        _ = state.arrive("a.txt", at: D.s(1))
        let first = state.judge("a.txt", at: D.s(1))
        #expect(first.statusBatches.count == 1)
        _ = state.arrive("b.txt", at: D.s(2))
        _ = state.judge("b.txt", at: D.s(2))
        #expect(state.apply(.statusLost, now: D.s(3)).statusBatches.isEmpty, "a batch is being written")
        let next = state.apply(.statusWritten(.init()), now: D.s(3)).statusBatches
        #expect(next.count == 1 && next[0].rebuild && next[0].changes.keys.contains(S.key("b.txt")))
    }

    @Test func reportsRebuiltWithoutTheirTablesAreJudgedAgain() {
        var state = D.state(current: [S.key("a.txt"): S.record("a.txt"), S.key("b.txt"): S.record("b.txt")])
        let effects = state.apply(.statusRebuilt(untabled: [S.key("a.txt"), S.key("gone.txt")]), now: D.s(1))
        let jobs = effects.works.compactMap { if case .read(let job) = $0 { job } else { nil } }
        #expect(jobs.map(\.key) == [S.key("a.txt")], "only current reports")
        #expect(jobs.first?.knownSHA256 == nil, "judged although its content is unchanged")
        // Its new verdict is journaled (and so its status file written whole).
        let judged = state.apply(.drop(.judged(jobs[0], .verdict(S.record("a.txt")))), now: D.s(2))
        #expect(judged.works.appends.map(\.0) == [S.key("a.txt")])
    }
}
