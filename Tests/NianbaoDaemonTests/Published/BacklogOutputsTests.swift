import Dispatch
import Foundation
import NianbaoDaemon
import NianbaoTestSupport
import Testing

/// While reports wait to be judged, the derived outputs are not rewritten for every
/// verdict (at most every 10 s; two minutes here, so that a slow, loaded machine
/// cannot pass for a deferred write); once the backlog is gone they are within about
/// a second. A checker that blocks on one file keeps a backlog open as long as the test wants.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct BacklogOutputsTests {
    /// Reports the metrics file counts (the sum of `nianbao_reports`), nil before it exists.
    private static func reportsInMetrics(_ path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").filter { $0.hasPrefix("nianbao_reports{") }
            .compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }.reduce(0, +)
    }

    @Test func outputsWaitForTheBacklogAndFollowItsEnd() async throws {
        let ws = try Workspace()
        let checker = WedgingChecker()
        let notifier = RecordingNotifier()
        let metrics = ws.status + "/nianbao.prom", journal = ws.journal
        func reportsInMetrics() -> Int? { Self.reportsInMetrics(metrics) }
        @Sendable func judged(_ name: String) -> Bool {
            (try? String(contentsOfFile: journal, encoding: .utf8))?.contains("\"relative_path\":\"\(name)\"") == true
        }
        let daemon = InProcessDaemon(ws, seams: DaemonSeams(checker: checker, notifier: notifier, observer: ObserverGroup([]), stopChildren: {}),
                                     workers: 2, logger: CapturedLog().logger) { $0.backlogOutputsInterval = .seconds(120) }
        _ = try #require(await offPool { notifier.waitFor(timeout: 30) { $0.state == "READY=1" } })
        // One worker stays in the wedge: a backlog while the other judges three reports.
        // The wedge's arrival is the first change: the outputs are written then, counting
        // nothing judged — the last write before the backlog.
        try ws.place("wedge.txt", Fixtures.sample("003_458875e39d02c745.txt"))
        #expect(await offPool { checker.entered.wait(timeout: .now() + 30) } == .success)
        #expect(await offPool { Wait.until(timeout: 10) { Self.reportsInMetrics(metrics) == 0 } })
        let started = ContinuousClock.now
        let names = ["a.txt", "b.txt", "c.txt"]
        for (index, name) in names.enumerated() {
            try ws.place(name, Fixtures.sample(Fixtures.sampleNames[index]))
        }
        #expect(await offPool { Wait.until(timeout: 30) { names.allSatisfy(judged) } })
        // The scenario's window: past the one-second interval of an idle daemon, well
        // within the backlog's. Written per verdict, the file would count 3 by now.
        await offPool { Thread.sleep(until: Date().addingTimeInterval(max(0, 2.5 - (ContinuousClock.now - started).seconds))) }
        #expect(reportsInMetrics() == 0, "outputs rewritten during the backlog")

        // Released: the backlog is gone and the outputs follow within about a second
        // (20 s allowed for a loaded machine), not at the end of the backlog's interval.
        try #require(ContinuousClock.now - started < .seconds(90))
        checker.release.signal()
        let caughtUp = await offPool { Wait.until(timeout: 20) { Self.reportsInMetrics(metrics) == 4 } }
        #expect(caughtUp, "outputs not rewritten after the backlog: \(reportsInMetrics() ?? -1)")
        await daemon.stop()
    }
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
