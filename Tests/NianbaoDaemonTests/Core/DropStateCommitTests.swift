import NianbaoDaemon
import NianbaoPlatform
import Testing

/// ``DropState``: verdicts become current only when durable; storage failures
/// hold them; removals, scans, replay, reload, readiness and stop.
@Suite struct DropStateCommitTests {
    @Test func aVerdictIsReportedOnlyOnceItsJournalLineIsDurable() {
        var state = S.state()
        _ = state.apply(S.moved("r.txt"))
        let judged = state.apply(.judged(S.job("r.txt"), .verdict(S.record("r.txt"))), now: S.ms(5))
        let (key, record, delay) = try! #require(judged.appends.first)
        #expect(key == S.key("r.txt") && delay == nil)
        #expect(record.event == .new && record.drop == "drop" && record.relativePath == "r.txt")
        #expect(!judged.contains { if case .verdict = $0 { true } else { false } })
        #expect(state.current.isEmpty && state.backlog == 1, "not current, still active until durable")
        let line = JSONLine.bytes(record)
        let durable = state.apply(.appended(key, record, line: line))
        #expect(durable.contains(.writeStatus(key, line: line)), "the status file is made from the journal line")
        #expect(durable.contains(.verdict(record, key)))
        #expect(state.current[key] == record && state.backlog == 0)
        // The next change of the same report is "changed".
        _ = state.apply(S.moved("r.txt"))
        let second = state.apply(.judged(S.job("r.txt"), .verdict(S.record("r.txt", sha: "bbb"))), now: S.ms(9))
        #expect(second.appends.first?.1.event == .changed)
    }

    /// Journal failures: held with back-off 250 ms, 500 ms, …, ≤ 10 s; said once each way.
    @Test func failedAppendsAreHeldWithBackOffAndRecoveryIsSaidOnce() {
        var state = S.state()
        _ = state.apply(S.moved("r.txt"))
        let record = state.apply(.judged(S.job("r.txt"), .verdict(S.record("r.txt"))), now: .zero).appends[0].1
        var delays: [Duration?] = []
        var notices: [DaemonNotice] = []
        for _ in 0..<8 {
            let effects = state.apply(.appendFailed(S.key("r.txt"), record, error: "ENOSPC"))
            delays += effects.appends.map(\.2)
            notices += effects.notices
        }
        #expect(delays == [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10)])
        #expect(notices == [.storageDegraded(pending: 1, error: "ENOSPC")])
        #expect(state.storageBacklog == 1)
        let recovered = state.apply(.appended(S.key("r.txt"), record, line: JSONLine.bytes(record)))
        #expect(recovered.notices == [.storageRecovered(written: 1)])
        #expect(state.storageBacklog == nil)
    }

    @Test func removalsRetireTheVerdictAndTheStatusFileFollowsTheDurableLine() {
        let key = S.key("a/r.txt")
        var state = S.state(current: [key: S.record("a/r.txt"), S.key("b.txt"): S.record("b.txt")])
        let effects = state.apply(.watch(.directoryRemoved(root: S.root, path: "a"), identity: nil), now: .zero)
        #expect(effects.removals == ["a/r.txt"], "only what lies inside the removed directory")
        #expect(state.current[key] == nil)
        let removal = state.apply(.removalDurable(key, S.record("a/r.txt")))
        #expect(removal.contains(.removeStatus(key)))
        // A removal that could not be written leaves the report current.
        _ = state.apply(.watch(.fileRemoved(root: S.root, path: "b.txt"), identity: nil), now: .zero)
        _ = state.apply(.removalFailed(S.key("b.txt"), S.record("b.txt"), error: "EIO"))
        #expect(state.current[S.key("b.txt")] != nil)
    }

    /// Restart after kill -9: the replayed verdicts travel with each job, so a
    /// rescan of unchanged files judges nothing again; a scan retires what is gone.
    @Test func replayedVerdictsMakeTheRescanCheapAndTheScanRetiresWhatIsGone() {
        let kept = S.key("kept.txt"), gone = S.key("gone.txt")
        var state = S.state(current: [kept: S.record("kept.txt", sha: "k"), gone: S.record("gone.txt", sha: "g")], ready: false)
        let found = state.apply(.watch(.fileFound(root: S.root, path: "kept.txt"), identity: S.identity(1)), now: .zero)
        #expect(found.wakes.count == 1)
        let probe = state.apply(.tick, now: S.settle).probes[0]
        let read = state.apply(.probed([ProbeResult(key: kept, generation: probe.generation, identity: S.identity(1))]), now: S.settle)
        guard case .read(let job)? = read.first(where: { if case .read = $0 { true } else { false } }) else {
            Issue.record("no read")
            return
        }
        #expect(job.knownSHA256 == "k", "the judge can answer 'unchanged' without a round trip")
        let scanned = state.apply(.watch(.scanCompleted(root: S.root, reason: .initial), identity: nil), now: S.settle)
        #expect(scanned.contains(.ready))
        #expect(scanned.contains(.verifyPresent([Job(key: gone, root: S.root)])), "the busy report is not checked")
        #expect(state.apply(.missing([gone])).removals == ["gone.txt"])
    }

    @Test func overflowIsSaidAndUnwatchedFoldersArePolledWhileThereAreAny() {
        var state = S.state()
        #expect(state.apply(.watch(.overflow, identity: nil), now: .zero).notices == [.overflowRescan])
        #expect(state.apply(.watch(.watchLimitReached(path: "/srv/drop/x"), identity: nil), now: .zero).notices
            == [.watchLimitReached(path: "/srv/drop/x")])
        let counted = state.apply(.watch(.coverage(watched: 5, unwatched: 800), identity: nil), now: .zero)
        #expect(counted.contains(.scheduleRescan(after: .seconds(10))))
        #expect(!state.apply(.watch(.coverage(watched: 5, unwatched: 801), identity: nil), now: .zero).contains(.scheduleRescan(after: .seconds(10))),
                "one poll scheduled at a time")
        #expect(state.apply(.rescanDue) == [.rescan, .scheduleRescan(after: .seconds(10))], "polled, and again later")
        _ = state.apply(.watch(.coverage(watched: 806, unwatched: 0), identity: nil), now: .zero)
        #expect(state.apply(.rescanDue).isEmpty, "every folder watched: no more polls")
        #expect(state.watchedDirectories == 806 && state.unwatchedDirectories == 0)
    }

    @Test func reloadAddsAndRemovesFoldersAndRetiresTheRemovedFoldersReports() {
        var state = S.state(current: [S.key("r.txt"): S.record("r.txt")])
        let other = DropFolder(name: "other", path: "/srv/other")
        let effects = state.apply(.reconfigure([other]))
        #expect(effects.contains(.watchRoots(add: ["/srv/other"], remove: [S.root])))
        #expect(effects.removals == ["r.txt"])
        #expect(effects.notices == [.reloaded(drops: [other])])
        #expect(state.apply(S.moved("late.txt")).reads.isEmpty, "events of a removed folder are ignored")
        // A folder moved to a new path under the same name keeps its reports.
        var kept = S.state(current: [S.key("r.txt"): S.record("r.txt")])
        #expect(kept.apply(.reconfigure([DropFolder(name: "drop", path: "/srv/new")])).removals.isEmpty)
    }

    @Test func readinessWaitsForEveryFolderAndStopWaitsForWhatIsInFlight() {
        var state = DropState(
            drops: [DropFolder(name: "a", path: "/a"), DropFolder(name: "b", path: "/b")], current: [:],
            settings: .init(settle: S.settle, workers: 1))
        #expect(!state.apply(.watch(.scanCompleted(root: "/a", reason: .initial), identity: nil), now: .zero).contains(.ready))
        #expect(state.apply(.watch(.rootLost(root: "/b"), identity: nil), now: .zero).contains(.ready), "a missing folder is armed to re-appear")
        _ = state.apply(.watch(.fileMovedIn(root: "/a", path: "1.txt"), identity: nil), now: .zero)
        _ = state.apply(.watch(.fileMovedIn(root: "/a", path: "2.txt"), identity: nil), now: .zero)
        let stop = state.apply(.stop)
        #expect(!stop.finished, "one job is still running")
        #expect(state.backlog == 1, "the queued one is dropped: judged at the next start")
        let running = Job(key: ReportKey(drop: "a", relativePath: "1.txt"), root: "/a")
        let judged = state.apply(.judged(running, .verdict(S.record("1.txt"))), now: .zero)
        #expect(!judged.finished, "its verdict is being made durable")
        let (key, record, _) = judged.appends[0]
        #expect(state.apply(.appended(key, record, line: JSONLine.bytes(record))).finished)
    }

    @Test func aHeldVerdictIsGivenUpAtStop() {
        var state = S.state()
        _ = state.apply(S.moved("r.txt"))
        let record = state.apply(.judged(S.job("r.txt"), .verdict(S.record("r.txt"))), now: .zero).appends[0].1
        _ = state.apply(.appendFailed(S.key("r.txt"), record, error: "ENOSPC"))
        #expect(state.apply(.stop).finished)
    }
}

/// The agency key that pairs an agency's reports across years.
@Suite struct AgencyYearKeyTests {
    @Test(arguments: [
        ("淮安市洪泽区人民政府", "洪泽区人民政府", true),
        ("淮安市洪泽区人民政府", "洪泽区", true),
        ("江苏省淮安市商务局", "淮安市商务局", true),
        ("淮安市人民政府", "淮安市政府", true),
        ("淮安市人民政府", "洪泽区人民政府", false),
        ("淮安市洪泽区人民政府", "淮安市淮阴区人民政府", false),
        ("洪泽区商务局", "洪泽区财政局", false),
    ])
    func namesPairAcrossYears(a: String, b: String, same: Bool) {
        #expect((AgencyYear.key(a) == AgencyYear.key(b)) == same, "\(AgencyYear.key(a)) vs \(AgencyYear.key(b))")
    }
}
