import Foundation
@testable import NianbaoDaemon
import NianbaoPlatform
import NianbaoViews
import Testing

/// The running daemon's state around ``DropState``: start-up, STATUS=, receipts,
/// the problem list and the stop, each driven with `now:` values.
@Suite struct DaemonStateTests {
    /// While the initial scan runs, the start-up timeout is extended (5 s, then every 10 s); after READY=1 never.
    @Test func aLongScanExtendsTheStartUpTimeoutUntilReady() {
        var state = D.state(ready: false, start: false)
        #expect(state.apply(.start, now: .zero).timers(.startup) == [D.s(5)])
        let first = state.apply(.due(.startup), now: D.s(5))
        #expect(first.said == [.extendTimeout(usec: 30_000_000), .status("scanning drop folders · 0 reports queued")])
        #expect(first.timers(.startup) == [D.s(15)])
        _ = state.apply(.drop(.watch(.scanCompleted(root: S.root, reason: .initial), identity: nil)), now: D.s(12))
        #expect(state.apply(.due(.startup), now: D.s(15)).isEmpty)
    }

    /// STATUS= is said at most once per publish delay, only when the line changed, and not before READY=1.
    @Test func statusIsCoalescedAndSaidOnlyWhenItChanges() {
        var state = D.state()
        let arrived = state.arrive("a.txt", at: .zero)
        #expect(arrived.timers(.publish) == [D.s(0.1)])
        #expect(state.arrive("b.txt", at: D.s(0.05)).timers(.publish).isEmpty, "one publish pending is enough")
        #expect(state.apply(.due(.publish), now: D.s(0.1)).said == [.status("watching 1 folder · 0 reports: 0 pass, 0 warn, 0 fail · queue 2")])
        _ = state.judge("a.txt", at: D.s(0.2))
        _ = state.apply(.statusWritten(.init()), now: D.s(0.25))
        let published = state.apply(.due(.publish), now: D.s(0.3))
        #expect(published.said.count == 1)
        #expect(published.statusBatches.contains { $0.summary }, "summary.json with it")
        _ = state.apply(.drop(.watch(.overflow, identity: nil)), now: D.s(0.4))
        #expect(state.apply(.due(.publish), now: D.s(0.5)).said.isEmpty, "the line did not change")
    }

    /// The STATUS= line, as the daemon's state stands.
    @Test(arguments: [
        // (reports judged, reports waiting, journal failing?, line)
        (0, 0, false, "watching 1 folder · 0 reports: 0 pass, 0 warn, 0 fail · queue 0"),
        (1, 2, false, "watching 1 folder · 1 reports: 1 pass, 0 warn, 0 fail · queue 2"),
        (1, 1, true, "磁盘空间不足：1 份报告待写入 · watching 1 folder · queue 2"),
    ])
    func theStatusLineSaysWhatIsJudgedWaitingAndHeld(judged: Int, waiting: Int, failing: Bool, line: String) {
        var state = D.state()
        for index in 0..<judged { _ = state.judge("j\(index).txt", at: .zero) }
        for index in 0..<waiting { _ = state.arrive("w\(index).txt", at: .zero) }
        if failing {
            _ = state.arrive("held.txt", at: .zero)
            let appends = state.apply(.drop(.judged(S.job("held.txt"), .verdict(S.record("held.txt")))), now: .zero).works.appends
            _ = state.apply(.drop(.appendFailed(appends[0].0, appends[0].1, error: "ENOSPC")), now: .zero)
        }
        #expect(state.statusLine == line)
    }

    /// Receipts: one change per report in flight; the newest waiting change follows it.
    @Test func receiptsOfAReportLandInOrder() {
        var state = D.state(receipts: true)
        let key = S.key("a.txt")
        _ = state.arrive("a.txt", at: .zero)
        let written = state.judge("a.txt", at: D.s(1))
        #expect(written.receipts.map(\.0) == [key])
        _ = state.apply(.drop(.missing([key])), now: D.s(2))
        let removal = state.apply(.drop(.removalDurable(key, S.record("a.txt"))), now: D.s(2))
        #expect(removal.receipts.isEmpty, "waits for the write in flight")
        guard case .write(let record)? = written.receipts.first?.1 else { Issue.record("no write"); return }
        let next = state.apply(.receiptDone(key, .write(record), error: "EACCES"), now: D.s(3))
        #expect(next.receipts.isEmpty, "the failed write is retried after its back-off")
        #expect(next.timers(.receiptRetry(key)) == [D.s(3.25)])
        #expect(next.notices == [.failure("receipt write failed for \(key): EACCES; retrying")])
        #expect(state.apply(.due(.receiptRetry(key)), now: D.s(3.25)).receipts.map(\.1) == [.remove], "the newest change goes instead")
        #expect(state.apply(.receiptDone(key, .remove, error: nil), now: D.s(4)).receipts.isEmpty)
        #expect(state.receipts.isIdle)
    }

    /// Every notice — the file state's, the loop's failures, start-up's — is told and,
    /// when it is a problem, listed on the page; a refused entry is listed too.
    @Test func theObserversAndThePageSeeTheSameNotices() {
        var state = D.state()
        var told: [DaemonNotice] = []
        told += state.apply(.notice(.journalRepaired(path: "/srv/journal", bytes: 12)), now: .zero).notices
        told += state.apply(.drop(.watch(.overflow, identity: nil)), now: D.s(1)).notices
        told += state.apply(.drop(.watch(.rootLost(root: S.root), identity: nil)), now: D.s(1)).notices
        told += state.apply(.outputsWritten(errors: ["index.html: EROFS"], took: .zero), now: D.s(2)).notices
        told += state.apply(.reloadFailed("bad json"), now: D.s(3)).notices
        #expect(state.problems.records.map(\.kind) == told.compactMap(\.problemKind))
        #expect(state.problems.records.map(\.kind) == [.journal, .overflow, .watchLost, .error, .error])
        _ = state.arrive("x.txt", at: D.s(4))
        _ = state.judge("x.txt", at: D.s(4), code: "input.unreadable")
        #expect(state.problems.records.last?.kind == .refused)
        #expect(state.problems.records.last?.time == state.wallTime(D.s(4)))
        #expect(state.counters.refused == ["input.unreadable": 1])
    }

    /// The stop: STOPPING=1, the helpers stopped, and the exit only when nothing is in flight.
    @Test func theExitWaitsForStatusOutputsAndReceipts() {
        var state = D.state(receipts: true)
        let key = S.key("a.txt")
        _ = state.arrive("a.txt", at: .zero)
        let judged = state.judge("a.txt", at: D.s(1))
        let batch = judged.statusBatches
        #expect(batch.count == 1)
        _ = state.apply(.due(.publish), now: D.s(1.1))
        let stop = state.apply(.stopRequested, now: D.s(1.2))
        #expect(Array(stop.prefix(3)) == [.notify(.stopping), .notice(.stopping), .stopWork])
        #expect(stop.exit == nil, "a status batch, the outputs and a receipt are in flight")
        #expect(state.apply(.stopRequested, now: D.s(1.3)).isEmpty, "said once")
        let summary = state.apply(.statusWritten(.init()), now: D.s(1.4))
        #expect(summary.exit == nil)
        #expect(summary.statusBatches.count == 1, "the summary waited for the batch in flight")
        #expect(state.apply(.statusWritten(.init()), now: D.s(1.4)).exit == nil)
        #expect(state.apply(.outputsWritten(errors: [], took: .zero), now: D.s(1.4)).exit == nil)
        guard case .write(let record)? = judged.receipts.first?.1 else { Issue.record("no receipt"); return }
        let exit = state.apply(.receiptDone(key, .write(record), error: nil), now: D.s(1.5)).exit
        #expect(exit?.0.summary == true)
        #expect(exit?.1 == true)
        #expect(exit?.2 == "stopped · 1 reports: 1 pass, 0 warn, 0 fail")
        #expect(state.apply(.due(.publish), now: D.s(2)).isEmpty, "nothing after the exit")
    }
}
