@testable import NianbaoDaemon
import NianbaoPlatform
import Testing

/// SIGHUP: deferred until READY=1, queued during a reload, ignored at stop.
@Suite struct ReloadStateTests {
    /// SIGHUPs at given points; how many reloads start, and when.
    @Test(arguments: [
        // (ready at the SIGHUP?, reload in flight?, stopping?, starts now?, queued?)
        (true, false, false, true, false),
        (false, false, false, false, true),     // before READY=1: waits for it
        (true, true, false, false, true),       // during a reload: after it
        (true, false, true, false, false),      // stopping: never
    ])
    func aHangupStartsAReloadOrWaits(ready: Bool, inFlight: Bool, stopping: Bool, starts: Bool, queued: Bool) {
        var reload = ReloadState()
        if inFlight { #expect(reload.hangup(ready: true, stopping: false) == true) }
        #expect(reload.hangup(ready: ready, stopping: stopping) == starts)
        #expect(reload.queued == queued)
    }

    @Test func aHangupBeforeReadyReloadsRightAfterReady() {
        var state = D.state(ready: false)
        #expect(state.apply(.hangup, now: D.s(1)).isEmpty)
        let ready = state.apply(.drop(.watch(.scanCompleted(root: S.root, reason: .initial), identity: nil)), now: D.s(2))
        let said = ready.said
        #expect(said.first == .ready)
        #expect(said.last == .reloading)
        #expect(ready.last == .loadConfiguration)
    }

    /// A SIGHUP during a reload is applied after it (several make one); the reload
    /// always ends with READY=1 and a STATUS=.
    @Test func hangupsDuringAReloadMakeOneMoreReload() {
        var state = D.state()
        #expect(state.apply(.hangup, now: D.s(1)) == [.notify(.reloading), .loadConfiguration])
        #expect(state.apply(.hangup, now: D.s(1.1)).isEmpty)
        #expect(state.apply(.hangup, now: D.s(1.2)).isEmpty)
        var fresh = D.configuration()
        fresh.drops.append(DropFolder(name: "other", path: "/srv/other"))
        #expect(state.apply(.reloadLoaded(fresh), now: D.s(2)) == [.applyConfiguration(fresh)])
        let applied = state.apply(.configurationApplied(fresh), now: D.s(2))
        #expect(applied.works.contains(.watchRoots(add: ["/srv/other"], remove: [])))
        #expect(applied.notices == [.reloaded(drops: fresh.drops)])
        #expect(applied.said.filter { if case .status = $0 { true } else { false } }.count == 1)
        #expect(Array(applied.suffix(4)) == [.notify(.ready), .notify(.status(state.statusLine)), .notify(.reloading), .loadConfiguration],
                "READY=1, STATUS=, then the queued SIGHUP")
        let failed = state.apply(.reloadFailed("bad json"), now: D.s(3))
        #expect(failed.notices == [.failure("reload failed, keeping the previous configuration: bad json")])
        #expect(failed.said.first == .ready)
        #expect(!failed.contains(.loadConfiguration), "one more reload, not two")
        #expect(state.configuration == fresh, "a failed reload keeps the configuration in force")
    }

    @Test func aReloadEndingAfterTheStopChangesNothing() {
        var state = D.state()
        _ = state.arrive("a.txt", at: .zero)
        _ = state.apply(.hangup, now: D.s(1))
        #expect(state.apply(.stopRequested, now: D.s(1.5)).exit == nil, "a job is still running")
        #expect(state.apply(.reloadLoaded(D.configuration(backlog: .seconds(1))), now: D.s(2)).isEmpty)
        #expect(state.apply(.hangup, now: D.s(3)).isEmpty)
    }
}
