import Dispatch
import Foundation
import NianbaoDaemon
import NianbaoTestSupport
import Testing

/// A report deleted while a worker judges it ends removed, never current: the
/// daemon (in-process, with a checker that holds the worker until released) gets
/// the deletion while the verdict is being made.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct DeletedWhileJudgedDaemonTests {
    @Test func aReportDeletedWhileJudgedHasNoCurrentVerdict() async throws {
        let ws = try Workspace()
        let checker = WedgingChecker()
        let notifier = RecordingNotifier()
        let log = CapturedLog()
        let daemon = InProcessDaemon(
            ws, seams: DaemonSeams(checker: checker, notifier: notifier, observer: LogObserver(logger: log.logger), stopChildren: {}),
            logger: log.logger)
        let ready = try #require(await offPool { notifier.waitFor(timeout: 30) { $0.state == "READY=1" } })
        try ws.place("wedge.txt", Fixtures.sample("003_458875e39d02c745.txt"))
        #expect(await offPool { checker.entered.wait(timeout: .now() + 30) } == .success)
        // Deleted while judged; a report placed after it is queued behind the only worker,
        // so once STATUS= counts two reports waiting, the deletion was taken in.
        try FileManager.default.removeItem(atPath: ws.drop + "/wedge.txt")
        try ws.place("after.txt", Fixtures.sample("001_53afeb125be3f4fc.txt"))
        _ = try #require(await offPool { notifier.waitFor(after: ready, timeout: 30) { $0.state.hasSuffix("queue 2") } })
        checker.release.signal()
        _ = try #require(await offPool { notifier.waitFor(after: ready, timeout: 30) { $0.state.contains("· 1 reports:") && $0.state.hasSuffix("queue 0") } })
        await daemon.stop()
        #expect(ws.verdictCounts()["after.txt"] == 1)
        let wedge = ws.journalRecords().compactMap { $0 }.filter { $0.relativePath == "wedge.txt" }
        #expect(wedge.last.map { $0.event == .removed } ?? true, "no current verdict in the journal: \(wedge.map(\.event))")
        #expect(ws.statusRecord("wedge.txt") == nil)
        #expect(StatusDirectory(root: ws.status).allRecords().count == 1)
    }
}
