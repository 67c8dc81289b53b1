@testable import NianbaoDaemon
import NianbaoPlatform
import NianbaoViews
import Testing

/// Status files in batches, and the back-off of failed writes (0.25 s doubling to 10 s).
@Suite struct StatusScheduleTests {
    static func failed(_ key: ReportKey) -> StatusBatch.Failures {
        StatusBatch.Failures(changes: [key: .remove], summaryFailed: false, firstError: "ENOSPC")
    }

    /// The delay before each retry while every batch fails; a success starts over.
    @Test(arguments: [
        (1, [0.25]),
        (3, [0.25, 0.5, 1]),
        (8, [0.25, 0.5, 1, 2, 4, 8, 10, 10]),
    ] as [(Int, [Double])])
    func failedBatchesBackOffDoublingToTenSeconds(failures: Int, delays: [Double]) {
        var schedule = StatusSchedule()
        var seen: [Duration] = []
        for _ in 0..<failures {
            schedule.add(S.key("a.txt"), .remove)
            let batch = schedule.take()
            #expect(batch?.changes.count == 1)
            seen += schedule.written(Self.failed(S.key("a.txt"))).map { [$0] } ?? []
            #expect(schedule.take() == nil, "nothing starts while the delay runs")
            schedule.retryDue()
        }
        #expect(seen == delays.map(D.s))
        _ = schedule.take()
        #expect(schedule.written(.init()) == nil)
        schedule.add(S.key("b.txt"), .remove)
        _ = schedule.take()
        #expect(schedule.written(Self.failed(S.key("b.txt"))) == D.s(0.25), "a success starts the back-off over")
    }

    @Test func aNewerChangeReplacesAFailedOne() {
        var schedule = StatusSchedule()
        schedule.add(S.key("a.txt"), .write(line: [1]))
        _ = schedule.take()
        schedule.add(S.key("a.txt"), .remove)
        _ = schedule.written(StatusBatch.Failures(changes: [S.key("a.txt"): .write(line: [1])], summaryFailed: true, firstError: "EIO"))
        schedule.retryDue()
        #expect(schedule.take() == StatusSchedule.Batch(changes: [S.key("a.txt"): .remove], summary: true))
    }

    /// Verdicts made durable while a batch is written share the next batch.
    @Test func changesDuringABatchShareTheNext() {
        var state = D.state()
        for name in ["a.txt", "b.txt"] { _ = state.arrive(name, at: .zero) }
        let first = state.judge("a.txt", at: D.s(0.1))
        #expect(first.statusBatches.map { $0.changes.keys.map(\.relativePath.string) } == [["a.txt"]])
        #expect(state.judge("b.txt", at: D.s(0.2)).statusBatches.isEmpty, "a batch is being written")
        _ = state.arrive("c.txt", at: D.s(0.2))
        #expect(state.judge("c.txt", at: D.s(0.3)).statusBatches.isEmpty)
        let next = state.apply(.statusWritten(.init()), now: D.s(0.4)).statusBatches
        #expect(next.map { Set($0.changes.keys.map(\.relativePath.string)) } == [["b.txt", "c.txt"]])
    }

    /// A failed batch is told once per failure, retried after the delay, and its
    /// changes go with the retry.
    @Test func aFailedBatchIsRetriedAfterItsDelay() {
        var state = D.state()
        _ = state.arrive("a.txt", at: .zero)
        _ = state.judge("a.txt", at: D.s(1))
        let failed = state.apply(.statusWritten(Self.failed(S.key("a.txt"))), now: D.s(1.5))
        #expect(failed.timers(.statusRetry) == [D.s(1.75)])
        #expect(failed.notices == [.failure("ENOSPC; retrying")])
        #expect(state.problems.records.map(\.kind) == [.error])
        #expect(state.apply(.due(.statusRetry), now: D.s(1.75)).statusBatches.map(\.changes) == [[S.key("a.txt"): .remove]])
    }
}
