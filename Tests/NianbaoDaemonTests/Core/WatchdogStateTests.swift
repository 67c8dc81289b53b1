@testable import NianbaoDaemon
import NianbaoViews
import Testing

/// The watchdog: pings withheld while an in-process job runs for the watchdog
/// interval or longer; the wedge reported once.
@Suite struct WatchdogStateTests {
    @Test(arguments: [
        // (oldest job started at, tick at, wedge reported before?, action)
        (nil, 5.0, false, .ping),                            // no job
        (0.0, 0.1, false, .ping),                            // a job shorter than the interval
        (0.0, 0.2, false, .withhold(report: true)),          // as long as the interval: a wedge, reported
        (0.0, 0.3, true, .withhold(report: false)),          // still wedged: said once
        (nil, 0.4, true, .ping),                             // released: pings resume
    ] as [(Double?, Double, Bool, WatchdogState.Action)])
    func pingsStopWhileAJobOutlivesTheInterval(start: Double?, tick: Double, reported: Bool, action: WatchdogState.Action) {
        var watchdog = WatchdogState(interval: D.s(0.2))
        if reported { _ = watchdog.tick(now: D.s(10), oldestJob: .zero) }
        #expect(watchdog.wedgeReported == reported)
        #expect(watchdog.tick(now: D.s(tick), oldestJob: start.map(D.s)) == action)
    }

    /// In the daemon's state: ticks every interval from the start; a wedged worker
    /// is told once (a notice, so the log, the journal and the page see it), then the
    /// pings resume when it is released.
    @Test func aWedgedWorkerIsToldOnceAndThePingsResume() {
        var timeline = Timeline(D.state(watchdog: D.s(0.2), start: false))
        timeline.arrive("wedge.txt", at: D.s(0.05))
        timeline.run(until: D.s(0.2))
        #expect(timeline.effects.said.filter { $0 == .watchdog }.count == 1, "0.2 s: the job ran 0.15 s")
        timeline.run(until: D.s(1))
        #expect(timeline.effects.said.filter { $0 == .watchdog }.count == 1, "withheld from 0.4 s on")
        let wedged = timeline.effects.notices.filter { $0 == .failure("a validation worker is wedged; withholding watchdog pings") }
        #expect(wedged.count == 1)
        #expect(timeline.state.problems.records.map(\.kind) == [.error])
        timeline.judge("wedge.txt", at: D.s(1.1))
        timeline.run(until: D.s(1.2))
        #expect(timeline.effects.said.filter { $0 == .watchdog }.count == 2)
    }

    @Test func noWatchdogNoTicks() {
        var state = DaemonState(drop: S.state(), configuration: D.configuration(), settings: .init())
        #expect(state.apply(.start, now: .zero).timers.map(\.0) == [.startup])
    }
}
