import Testing
@testable import NianbaoDaemon
import NianbaoPlatform

/// A drop folder on a share is read one report at a time, so a read hung on the share
/// holds one worker; the other folders keep theirs, and the watchdog does not count it.
struct DropStateOneReaderTests {
    static let nas = "/srv/nas"

    static func twoDrops(workers: Int = 2) -> DropState {
        var state = DropState(
            drops: [DropFolder(name: "drop", path: S.root), DropFolder(name: "nas", path: nas)], current: [:],
            settings: .init(settle: S.settle, workers: workers))
        for root in [S.root, nas] { _ = state.apply(.watch(.scanCompleted(root: root, reason: .initial), identity: nil), now: .zero) }
        state.setOneReader(["nas"])
        return state
    }

    static func movedOnNAS(_ path: String, at: Moment = .zero) -> Timed {
        Timed(input: .watch(.fileMovedIn(root: nas, path: path), identity: nil), now: at)
    }

    static func nasJob(_ path: String) -> Job { Job(key: S.key(path, drop: "nas"), root: nas) }

    @Test func aShareTakesOneWorkerAndTheOtherFoldersTheRest() {
        var state = Self.twoDrops(workers: 3)
        #expect(state.apply(Self.movedOnNAS("a.txt", at: S.ms(1))).reads == ["a.txt"])
        #expect(state.apply(Self.movedOnNAS("b.txt", at: S.ms(2))).reads.isEmpty, "parked behind a.txt")
        #expect(state.apply(Self.movedOnNAS("c.txt", at: S.ms(3))).reads.isEmpty)
        // The read of a.txt hangs: the other folder still gets the two other workers.
        #expect(state.apply(S.moved("x.txt", at: S.ms(4))).reads == ["x.txt"])
        #expect(state.apply(S.moved("y.txt", at: S.ms(5))).reads == ["y.txt"])
        // Only the other folder's reads count for the watchdog.
        #expect(state.oldestInProcessStart == S.ms(4))
        _ = state.apply(.judged(S.job("x.txt"), .unchanged), now: S.ms(6))
        _ = state.apply(.judged(S.job("y.txt"), .unchanged), now: S.ms(7))
        #expect(state.oldestInProcessStart == nil, "a hung read of the share does not withhold the ping")
        // When the share answers, its reports are read in order, one at a time.
        #expect(state.apply(.judged(Self.nasJob("a.txt"), .unchanged), now: S.ms(8)).reads == ["b.txt"])
        #expect(state.apply(.judged(Self.nasJob("b.txt"), .unchanged), now: S.ms(9)).reads == ["c.txt"])
        #expect(state.apply(.judged(Self.nasJob("c.txt"), .unchanged), now: S.ms(10)).reads.isEmpty)
    }

    @Test func aFolderBackOnInotifyIsReadByEveryWorkerAgain() {
        var state = Self.twoDrops(workers: 3)
        _ = state.apply(Self.movedOnNAS("a.txt"))
        _ = state.apply(Self.movedOnNAS("b.txt"))
        state.setOneReader([])
        #expect(state.apply(Self.movedOnNAS("c.txt")).reads == ["b.txt", "c.txt"])
    }

    @Test func stoppingDropsParkedReportsAndWaitsForTheReadInProgress() {
        var state = Self.twoDrops()
        _ = state.apply(Self.movedOnNAS("a.txt"))
        _ = state.apply(Self.movedOnNAS("b.txt"))
        #expect(!state.apply(.stop).finished)
        let done = state.apply(.judged(Self.nasJob("a.txt"), .unchanged))
        #expect(done.reads.isEmpty)
        #expect(done.finished)
    }

    @Test func probesAreBatchedPerFolder() {
        var state = Self.twoDrops()
        _ = state.apply(S.written("x.txt", S.identity(1)))
        _ = state.apply(Timed(input: .watch(.fileClosedAfterWrite(root: Self.nas, path: "a.txt"), identity: S.identity(2)), now: .zero))
        let effects = state.apply(.tick, now: S.ms(1000))
        let batches = effects.compactMap { if case .probe(let probes) = $0 { probes.map(\.job.key.drop) } else { nil } }
        #expect(batches == [["drop"], ["nas"]], "a probe hung on the share holds up only the share's files")
    }
}
