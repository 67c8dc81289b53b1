@testable import NianbaoDaemon
import Testing

/// When the derived outputs are written: 1 s apart, or 4× the last write's
/// duration, or the backlog interval while reports wait — decided with `now:`
/// values, never against a clock.
@Suite struct OutputScheduleTests {
    /// One write started at 0 s and took `took`; something changed since. At `now`,
    /// with or without a backlog, the next write starts or a wake-up is asked for.
    @Test(arguments: [
        // (last write took, backlog?, now, decision)
        (0.02, false, 0.5, .wake(at: D.s(1))),    // idle: 1 s apart
        (0.02, false, 1.0, .write),
        (0.5, false, 1.5, .wake(at: D.s(2))),     // a slow write: 4 × 0.5 s
        (0.5, false, 2.0, .write),
        (0.02, true, 1.0, .wake(at: D.s(10))),    // a backlog: 10 s apart
        (0.02, true, 9.99, .wake(at: D.s(10))),
        (0.02, true, 10.0, .write),
        (3.0, true, 10.0, .wake(at: D.s(12))),    // 4 × 3 s outlasts the backlog interval
    ] as [(Double, Bool, Double, OutputSchedule.Decision)])
    func theIntervalFollowsTheLastWriteAndTheBacklog(took: Double, backlog: Bool, now: Double, decision: OutputSchedule.Decision) {
        var schedule = OutputSchedule(backlogInterval: .seconds(10))
        #expect(schedule.next(now: .zero, backlog: backlog) == .write, "the first write is never held back")
        schedule.written(took: D.s(took))
        schedule.changed()
        #expect(schedule.next(now: D.s(now), backlog: backlog) == decision)
    }

    @Test func cleanOrBusyOutputsAreNotWritten() {
        var schedule = OutputSchedule(backlogInterval: .seconds(10))
        #expect(schedule.next(now: .zero, backlog: false) == .write)
        schedule.changed()
        #expect(schedule.next(now: D.s(5), backlog: false) == .wait, "one write at a time")
        schedule.written(took: .milliseconds(10))
        #expect(schedule.next(now: D.s(5), backlog: false) == .write, "changed during the write: written again")
        schedule.written(took: .milliseconds(10))
        #expect(schedule.next(now: D.s(10), backlog: false) == .wait, "clean: nothing to write, no wake-up")
    }

    /// A wake-up set during a backlog is superseded by an earlier one when the
    /// backlog ends; a later one is never asked for while an earlier one is pending.
    @Test func theEarliestWakeUpWins() {
        var schedule = OutputSchedule(backlogInterval: .seconds(10))
        _ = schedule.next(now: .zero, backlog: true)
        schedule.written(took: .milliseconds(10))
        schedule.changed()
        #expect(schedule.next(now: D.s(0.5), backlog: true) == .wake(at: D.s(10)))
        #expect(schedule.next(now: D.s(0.6), backlog: true) == .wait, "already pending")
        #expect(schedule.next(now: D.s(0.7), backlog: false) == .wake(at: D.s(1)), "the backlog ended: sooner")
        #expect(schedule.wakeUp(now: D.s(1)) == true)
        #expect(schedule.next(now: D.s(1), backlog: false) == .write)
        schedule.written(took: .milliseconds(10))
        #expect(schedule.wakeUp(now: D.s(10)) == true, "the stale wake-up finds nothing to do")
        #expect(schedule.next(now: D.s(10), backlog: false) == .wait)
    }
}

/// The derived outputs in the running daemon's state, with its timers: while a
/// report holds a backlog open they wait for the backlog interval; when the
/// backlog ends they follow within the publish delay, not the backlog's interval.
@Suite struct BacklogOutputsTests {
    /// A wedge arrives at 0 s and holds the backlog open until 6 s; a, b and c
    /// arrive at 1, 2, 3 s and are judged 0.2 s later. When are the outputs written?
    @Test(arguments: [
        (10.0, [0.1, 6.1]),                       // the backlog interval holds them back, the end lets them go
        (2.0, [0.1, 2.1, 4.1, 6.1]),
        (1.0, [0.1, 1.1, 2.1, 3.1, 4.1, 6.1]),    // no longer than idle: once a second
    ] as [(Double, [Double])])
    func outputsWaitForTheBacklogAndFollowItsEnd(backlogInterval: Double, writes: [Double]) {
        var timeline = Timeline(D.state(backlog: D.s(backlogInterval), start: false))
        timeline.arrive("wedge.txt", at: .zero)
        for (index, name) in ["a.txt", "b.txt", "c.txt"].enumerated() {
            timeline.arrive(name, at: D.s(Double(index + 1)))
            timeline.judge(name, at: D.s(Double(index + 1) + 0.2))
        }
        timeline.judge("wedge.txt", at: D.s(6))
        timeline.run(until: D.s(60))
        #expect(timeline.outputWrites == writes.map(D.s))
        #expect(timeline.state.drop.backlog == 0)
    }
}
