import Testing
@testable import NianbaoDaemon

/// Every retried write backs off as documented — 0.25 s doubling to 10 s — and is
/// said once per failing run, not at every retry (a stuck file used to be retried
/// every 0.25 s forever, four log lines a second).
@Suite struct RetryBackoffTests {
    static let expected: [Double] = [0.25, 0.5, 1, 2, 4, 8, 10, 10, 10]

    @Test func aStuckStatusFileBacksOffAndIsSaidOnce() {
        var state = D.state()
        let key = S.key("a.txt")
        _ = state.arrive("a.txt", at: .zero)
        _ = state.judge("a.txt", at: .zero)
        var now = D.s(1)
        var delays: [Double] = []
        var notices: [DaemonNotice] = []
        for _ in Self.expected {
            let failures = StatusBatch.Failures(changes: [key: .remove], summaryFailed: false, firstError: "status write failed: EISDIR")
            let failed = state.apply(.statusWritten(failures), now: now)
            notices += failed.notices
            guard let at = failed.timers(.statusRetry).first else { Issue.record("no retry"); return }
            delays.append((at - now).timeInterval)
            now = at
            #expect(state.apply(.due(.statusRetry), now: now).statusBatches.count == 1, "retried at its moment")
        }
        #expect(delays == Self.expected)
        #expect(notices.count == 1)
        // A batch that succeeds resets the back-off.
        _ = state.apply(.statusWritten(.init()), now: now)
        #expect(state.status.backoff == nil)
    }

    @Test func aStuckReceiptBacksOffAndIsSaidOnce() {
        var state = D.state(receipts: true)
        let key = S.key("a.txt")
        _ = state.arrive("a.txt", at: .zero)
        let written = state.judge("a.txt", at: .zero)
        guard case .write(let record)? = written.receipts.first?.1 else { Issue.record("no receipt"); return }
        var now = D.s(1)
        var delays: [Double] = []
        var notices: [DaemonNotice] = []
        for _ in Self.expected {
            let failed = state.apply(.receiptDone(key, .write(record), error: "EISDIR"), now: now)
            notices += failed.notices
            guard let at = failed.timers(.receiptRetry(key)).first else { Issue.record("no retry"); return }
            delays.append((at - now).timeInterval)
            now = at
            #expect(state.apply(.due(.receiptRetry(key)), now: now).receipts.map(\.1) == [.write(record)])
        }
        #expect(delays == Self.expected)
        #expect(notices.count == 1)
        _ = state.apply(.receiptDone(key, .write(record), error: nil), now: now)
        #expect(state.receipts.isIdle && state.receipts.backoff.isEmpty)
    }

    @Test func theStopGivesUpAReceiptRetry() {
        var state = D.state(receipts: true)
        let key = S.key("a.txt")
        _ = state.arrive("a.txt", at: .zero)
        let written = state.judge("a.txt", at: .zero)
        guard case .write(let record)? = written.receipts.first?.1 else { Issue.record("no receipt"); return }
        _ = state.apply(.statusWritten(.init()), now: D.s(0.5))
        _ = state.apply(.receiptDone(key, .write(record), error: "EISDIR"), now: D.s(1))
        let stopped = state.apply(.stopRequested, now: D.s(1.1))
        #expect(stopped.exit != nil, "a receipt waiting for its retry does not hold up the exit")
    }
}
