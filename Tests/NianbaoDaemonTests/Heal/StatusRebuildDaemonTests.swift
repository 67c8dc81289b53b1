import Foundation
import NianbaoDaemon
import NianbaoPlatform
import NianbaoTestSupport
import Testing

/// Issue 20, self-healing with the daemon (in-process, real checker, real files): a
/// status directory deleted while nothing is written is rebuilt promptly (found by the
/// periodic check, not at the next write), from the current reports and their journal
/// lines in every segment; reports whose line rotation deleted are judged again, so
/// every status file has its tables back. Said once.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct StatusRebuildDaemonTests {
    static func report(_ tag: String) -> [UInt8] { Fixtures.sample("huaian_hongze_2024.txt") + Array("\n\(tag)\n".utf8) }

    static func healedNotices(_ observer: NoticeRecorder) -> Int {
        observer.all.filter { if case .stateHealed(.statusDirectory, _) = $0 { true } else { false } }.count
    }

    @Test func aDeletedStatusDirectoryIsRebuiltPromptlyAfterRotationWithEveryReportsTables() async throws {
        let ws = try Workspace()
        let notifier = RecordingNotifier()
        let observer = NoticeRecorder()
        let log = CapturedLog()
        let seams = DaemonSeams(checker: ReportChecker(), notifier: notifier, observer: observer, stopChildren: {})
        let daemon = InProcessDaemon(ws, seams: seams, workers: 2, logger: log.logger) { config in
            // A line is about 5 KB: the journal rotates at nearly every checkpoint, and keeps one segment.
            config.journalMaxBytes = 8_000
            config.journalKeep = 1
            config.checkpointEvery = 2
        }
        _ = try #require(await offPool { notifier.waitFor(timeout: 60) { $0.state == "READY=1" } })
        let names = (0..<8).map { "局\($0)/r.txt" }
        for name in names {
            try ws.place(name, Self.report(name))
            #expect(await offPool { Wait.until(timeout: 60) { observer.verdictCount("drop", name) == 1 } }, "\(name)")
        }
        let status = StatusDirectory(root: ws.status)
        // Every status file and the summary written: nothing more to write.
        #expect(await offPool { Wait.until(timeout: 60) { status.allRecords().count == names.count && status.readSummary()?.total.total == names.count } })
        // Some reports' lines are in no segment any more: only the checkpoint knows them.
        let inJournal = Set(JournalSegments.existing(journal: ws.journal).flatMap { segment in
            ((try? String(contentsOfFile: segment, encoding: .utf8)) ?? "").split(separator: "\n").compactMap {
                try? JSONDecoder().decode(VerdictRecord.self, from: Data($0.utf8)).relativePath
            }
        })
        let rotatedAway = names.filter { !inJournal.contains($0) }
        #expect(!rotatedAway.isEmpty && rotatedAway.count < names.count, "in the journal: \(inJournal.sorted())")

        // Deleted while the daemon has nothing to write.
        #expect(rename(ws.status, ws.status + ".deleted") == 0)
        try FileManager.default.removeItem(atPath: ws.status + ".deleted")
        let rebuilt = await offPool {
            Wait.until(timeout: 90, interval: 0.2) {
                let records = status.allRecords()
                return names.allSatisfy { records[ReportKey(drop: "drop", relativePath: $0)]?.tables != nil }
            }
        }
        #expect(rebuilt, "status files: \(status.allRecords().mapValues { $0.tables != nil })\n\(observer.all.suffix(10))")
        for name in rotatedAway { #expect(observer.verdictCount("drop", name) == 2, "\(name) judged again for its tables") }
        for name in names where !rotatedAway.contains(name) {
            #expect(observer.verdictCount("drop", name) == 1, "\(name) rebuilt from its journal line")
        }
        #expect(Self.healedNotices(observer) == 1)
        await daemon.stop()
    }
}
