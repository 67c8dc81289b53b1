import NianbaoDaemon
import NianbaoPlatform
import NianbaoFormats
import Testing

/// ``DropState`` driven directly: settling, renames, reruns and the worker limit.
@Suite struct DropStateSettleTests {
    /// How a file's settling ends, by what its identity is when the settle time is up.
    @Test(arguments: [
        // (identity at the event, identity at the probe, judged now?)
        (S.identity(1), S.identity(1), true),      // unchanged: judged
        (S.identity(1), S.identity(2), false),     // still growing without a close: waits another period
        (S.identity(1), nil, true),                // gone: the read says so (no verdict), never stuck
        (nil, S.identity(3), false),               // unknown at the event, seen at the probe: waits once
    ] as [(FileIdentity?, FileIdentity?, Bool)])
    func settleEndsOnAStableIdentity(atEvent: FileIdentity?, atProbe: FileIdentity?, judged: Bool) {
        var state = S.state()
        let armed = state.apply(S.written("a.txt", atEvent, at: S.ms(0)))
        #expect(armed.wakes == [S.settle])
        #expect(state.apply(.tick, now: S.ms(100)).probes.isEmpty, "nothing is due before the settle time")
        let due = state.apply(.tick, now: S.settle)
        let probe = try! #require(due.probes.first)
        let after = state.apply(.probed([ProbeResult(key: probe.job.key, generation: probe.generation, identity: atProbe)]), now: S.settle)
        #expect(after.reads == (judged ? ["a.txt"] : []))
        if !judged {
            #expect(after.wakes == [S.settle + S.settle], "another settle period from the probe")
            #expect(state.backlog == 1)
        }
    }

    @Test func aWriteInProgressCancelsSettlingUntilTheNextClose() {
        var state = S.state()
        _ = state.apply(S.written("a.txt"))
        _ = state.apply(.watch(.fileModified(root: S.root, path: "a.txt"), identity: nil), now: S.ms(100))
        #expect(state.apply(.tick, now: S.settle).probes.isEmpty)
        #expect(state.backlog == 0)
        _ = state.apply(S.written("a.txt", S.identity(2), at: S.ms(900)))
        #expect(state.apply(.tick, now: S.ms(1400)).probes.map(\.job.key) == [S.key("a.txt")])
    }

    @Test func aStaleProbeAnswerIsIgnored() {
        var state = S.state()
        _ = state.apply(S.written("a.txt"))
        let probe = state.apply(.tick, now: S.settle).probes[0]
        // Written again while the probe was out: a new settling, a new generation.
        _ = state.apply(S.written("a.txt", S.identity(2), at: S.ms(510)))
        let stale = state.apply(.probed([ProbeResult(key: probe.job.key, generation: probe.generation, identity: S.identity(2))]), now: S.ms(520))
        #expect(stale.reads.isEmpty)
        #expect(state.apply(.tick, now: S.ms(1010)).probes.count == 1)
    }

    @Test func renamedIntoPlaceIsJudgedAtOnceWithoutSettling() {
        var state = S.state()
        let effects = state.apply(S.moved("r.txt"))
        #expect(effects.reads == ["r.txt"])
        #expect(effects.wakes.isEmpty)
    }

    @Test func aChangeWhileActiveRunsOnceMoreAfterwards() {
        var state = S.state()
        _ = state.apply(S.moved("r.txt"))
        #expect(state.apply(S.moved("r.txt")).reads.isEmpty, "never two jobs for one key")
        #expect(state.apply(S.moved("r.txt")).reads.isEmpty)
        let done = state.apply(.judged(S.job("r.txt"), .unchanged), now: S.ms(10))
        #expect(done.reads == ["r.txt"], "one rerun for any number of changes meanwhile")
        #expect(state.apply(.judged(S.job("r.txt"), .unchanged), now: S.ms(20)).reads.isEmpty)
        #expect(state.backlog == 0)
    }

    @Test func workersBoundTheJobsInFlightAndChildrenHaveTheirOwnSlots() {
        var state = S.state(workers: 2)
        var reads: [String] = []
        for name in ["1.txt", "2.txt", "3.txt"] { reads += state.apply(S.moved(name)).reads }
        #expect(reads == ["1.txt", "2.txt"])
        let prepared = PreparedReport(job: S.job("1.pdf"), bytes: [1], sha256: "p", format: .pdf)
        let handed = state.apply(.judged(S.job("1.txt"), .needsChild(prepared)), now: S.ms(5))
        #expect(handed.contains(.judgeInChild(prepared)))
        #expect(handed.reads == ["3.txt"], "a report handed to a child frees its worker")
        #expect(state.oldestInProcessStart == .zero)
    }

    @Test func aFileChangedWhileReadSettlesAgainFromItsNewIdentity() {
        var state = S.state()
        _ = state.apply(S.moved("r.txt"))
        let effects = state.apply(.judged(S.job("r.txt"), .changedWhileReading(S.identity(9))), now: S.ms(50))
        #expect(effects.reads.isEmpty)
        #expect(effects.wakes == [S.ms(550)])
        let probe = state.apply(.tick, now: S.ms(550)).probes[0]
        let after = state.apply(.probed([ProbeResult(key: probe.job.key, generation: probe.generation, identity: S.identity(9))]), now: S.ms(550))
        #expect(after.reads == ["r.txt"])
    }

    @Test func aLargeScanSettlesInBatchesNotOneWakeUpPerFile() {
        var state = S.state()
        var wakes: [Moment] = []
        for i in 0..<1000 { wakes += state.apply(S.written("f\(i).txt", S.identity(UInt64(i)), at: S.ms(Int64(i) / 100))).wakes }
        #expect(wakes.count == 1, "one timer armed for the whole scan")
        #expect(state.apply(.tick, now: S.ms(600)).probes.count == 1000)
    }
}
