import Dispatch
import Foundation
import NianbaoDaemon
import NianbaoTestSupport
import Testing

/// The watchdog means "the daemon is alive": pings go on while reports are
/// judged, and stop while a worker is wedged in this process (a checker that
/// never returns, injected here; the production binary has no such hook).
@Suite(.serialized, .timeLimit(.minutes(2)))
struct WatchdogTests {
    @Test func aWedgedWorkerStopsThePingsAndAHealthyOneDoesNot() async throws {
        let ws = try Workspace()
        let checker = WedgingChecker()
        let interval = Duration.milliseconds(200)
        let notifier = RecordingNotifier(watchdogInterval: interval)
        let log = CapturedLog()
        // The wedge is a notice like any other: the log observer logs it.
        let observer = LogObserver(logger: log.logger)
        let daemon = InProcessDaemon(ws, seams: DaemonSeams(checker: checker, notifier: notifier, observer: observer, stopChildren: {}), logger: log.logger)
        let ready = try #require(await offPool { notifier.waitFor(timeout: 30) { $0.state == "READY=1" } })

        // Healthy: pings keep coming while an ordinary report is judged.
        try ws.place("ok.txt", Fixtures.sample("003_458875e39d02c745.txt"))
        _ = try #require(await offPool { notifier.waitFor(after: ready, timeout: 30) { $0.state.contains("1 report") } })
        var last = ready
        for _ in 0..<3 {
            let after = last
            last = try #require(await offPool { notifier.waitFor(after: after, timeout: 5) { $0.state == "WATCHDOG=1" } })
        }

        // The only worker picks up the wedge file and never returns: once it has run
        // for the interval, the wedge is said (a notice, logged) and from then on no
        // ping comes — every later tick finds the same job running. (When ticks come
        // and what they decide is tested on the state: WatchdogStateTests.)
        try ws.place("wedge.txt", Fixtures.sample("003_458875e39d02c745.txt"))
        #expect(await offPool { checker.entered.wait(timeout: .now() + 30) } == .success)
        let wedgeLogged = await offPool { Wait.until(timeout: 30) { log.all.contains { $0.contains("a validation worker is wedged") } } }
        if !wedgeLogged { print("LOG:", log.all, "SAID:", notifier.all.suffix(12).map(\.state)) }
        #expect(wedgeLogged)
        let since = notifier.all.count - 1
        let late = await offPool { notifier.waitFor(after: since, timeout: 1.0) { $0.state == "WATCHDOG=1" } }
        #expect(late == nil, "pings went on after the wedge was said")
        #expect(ws.verdictCounts()["wedge.txt"] == nil)

        // Released, the report is judged and the pings resume.
        checker.release.signal()
        #expect(await offPool { notifier.waitFor(after: since, timeout: 30) { $0.state == "WATCHDOG=1" } } != nil)
        await daemon.stop()
        #expect(ws.verdictCounts()["wedge.txt"] == 1)
    }
}
