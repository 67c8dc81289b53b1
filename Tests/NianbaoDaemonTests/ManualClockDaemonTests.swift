import Foundation
import NianbaoDaemon
import NianbaoTestSupport
import Testing

/// ``ManualClock``: sleepers wake only when the test moves time past their moment.
@Suite(.timeLimit(.minutes(3))) struct ManualClockTests {
    @Test func sleepersWakeWhenTimeReachesTheirMomentAndCancellationEndsThem() async throws {
        let clock = ManualClock()
        let woke = Task { try await clock.sleep(until: .milliseconds(100)) }
        let cancelled = Task { try await clock.sleep(until: .seconds(10)) }
        #expect(await offPool { Wait.until(timeout: 120) { clock.sleeping == 2 } }, "the two tasks never slept")
        clock.advance(by: .milliseconds(99))
        #expect(clock.pendingMoments == [.milliseconds(100), .seconds(10)], "not due yet")
        clock.advance(by: .milliseconds(1))
        try await woke.value
        #expect(clock.pendingMoments == [.seconds(10)])
        cancelled.cancel()
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        try await clock.sleep(until: .milliseconds(50))   // already past: returns at once
        #expect(clock.now == .milliseconds(100))
    }
}

/// The running loop takes its time from the injected clock: a verdict is durable
/// at once, but summary and STATUS= wait for the publish delay, which passes only
/// when the test moves the clock — no wall-clock timing involved.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct ManualClockDaemonTests {
    @Test func statusFollowsAVerdictWhenTheClockPassesThePublishDelay() async throws {
        let ws = try Workspace()
        let clock = ManualClock()
        let notifier = RecordingNotifier()
        let seams = DaemonSeams(
            checker: ReportChecker(), notifier: notifier, clock: clock, observer: ObserverGroup([]), stopChildren: {})
        let daemon = InProcessDaemon(ws, seams: seams, logger: CapturedLog().logger)
        let ready = try #require(await offPool { notifier.waitFor(timeout: 30) { $0.state == "READY=1" } })
        try ws.place("a.txt", Fixtures.sample("003_458875e39d02c745.txt"))
        // Its status file is written once the state took the durable verdict in (status
        // files do not wait for a timer); the publish asked for at the arrival still waits.
        let statusFile = ws.status + "/drop/a.txt.json"
        let durable = await offPool {
            Wait.until(timeout: 30) { FileManager.default.fileExists(atPath: statusFile) && clock.pendingMoments.contains(.milliseconds(100)) }
        }
        #expect(durable, "no verdict, or no publish pending: \(clock.pendingMoments)")
        #expect(!notifier.all.contains { $0.state.contains("1 reports") }, "said before the clock moved")
        clock.advance(by: .milliseconds(100))
        let said = await offPool { notifier.waitFor(after: ready, timeout: 30) { $0.state.contains("1 reports") } }
        #expect(said != nil, "no STATUS= after the publish delay: \(notifier.all.map(\.state))")
        await daemon.stop()
        #expect(notifier.all.last?.state.hasPrefix("STATUS=stopped · 1 reports") == true)
    }
}
