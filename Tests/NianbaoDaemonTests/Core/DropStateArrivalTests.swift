import NianbaoDaemon
import NianbaoPlatform
import Testing

/// Issue 20, arrival and order: a report's arrival is when its content first
/// arrived for its agency (renames, moves between drop folders, reloads and restarts keep it); the journal's sequence,
/// not the wall clock, orders uploads; checkpoints are asked for when the journal is quiet.
@Suite struct DropStateArrivalTests {
    static let firstTime = "2025-05-20T01:00:00.000Z"

    /// Judges `path` with content `sha`, makes its line durable stamped at `time` (as the
    /// loop stamps it: arrival = time when the state gave none); returns the durable record.
    @discardableResult
    static func judge(_ state: inout DropState, _ path: String, sha: String = "aaa", time: String, at: Moment = .zero,
                      record: VerdictRecord? = nil) -> VerdictRecord {
        _ = state.apply(S.moved(path, at: at))
        let effects = state.apply(.judged(S.job(path), .verdict(record ?? S.record(path, sha: sha))), now: at)
        let (key, appended, _) = try! #require(effects.appends.first)
        var line = appended
        line.time = time
        if line.arrival == nil { line.arrival = time }
        _ = state.apply(.appended(key, line, line: JSONLine.bytes(line)), now: at)
        return line
    }

    static func remove(_ state: inout DropState, _ path: String) {
        let effects = state.apply(.watch(.fileRemoved(root: S.root, path: path), identity: nil), now: .zero)
        guard case .appendRemoval(let key, let record)? = effects.first(where: { if case .appendRemoval = $0 { true } else { false } })
        else { Issue.record("no removal"); return }
        _ = state.apply(.removalDurable(key, record))
    }

    @Test func aRenamedReportKeepsTheArrivalOfItsContent() {
        var state = S.state()
        let first = Self.judge(&state, "局/r.txt", time: Self.firstTime)
        #expect(first.seq == 1 && first.arrivalSeq == 1 && first.arrival == Self.firstTime)
        // The agency's folder is renamed after the deadline: removal, then the same content elsewhere.
        Self.remove(&state, "局/r.txt")
        let renamed = Self.judge(&state, "改名后/r.txt", time: "2025-06-02T08:00:00.000Z")
        #expect(renamed.arrival == Self.firstTime, "the content arrived on 20 May, not when its path changed")
        #expect(renamed.arrivalSeq == 1)
        #expect(renamed.seq == 3, "removal line 2, then this line")
        // New content is a new arrival.
        let changed = Self.judge(&state, "改名后/r.txt", sha: "bbb", time: "2025-06-03T08:00:00.000Z")
        #expect(changed.arrival == "2025-06-03T08:00:00.000Z" && changed.arrivalSeq == changed.seq)
    }

    @Test func aReloadThatDropsAndReAddsTheFolderKeepsTheArrival() {
        var state = S.state()
        Self.judge(&state, "r.txt", time: Self.firstTime)
        let drop = DropFolder(name: "drop", path: S.root)
        for effect in state.apply(.reconfigure([]), now: .zero) {
            if case .appendRemoval(let key, let record) = effect { _ = state.apply(.removalDurable(key, record)) }
        }
        #expect(state.current.isEmpty)
        _ = state.apply(.reconfigure([drop]), now: .zero)
        let again = Self.judge(&state, "r.txt", time: "2025-07-01T00:00:00.000Z")
        #expect(again.arrival == Self.firstTime)
    }

    /// Two drop folders, "a" and "b", both scanned.
    static func twoDrops() -> DropState {
        let drops = [DropFolder(name: "a", path: "/srv/a"), DropFolder(name: "b", path: "/srv/b")]
        var state = DropState(drops: drops, current: [:], settings: .init(settle: S.settle, workers: 2))
        for drop in drops { _ = state.apply(.watch(.scanCompleted(root: drop.path, reason: .initial), identity: nil), now: .zero) }
        return state
    }

    /// A record of 某局's report with content `sha`.
    static func agencyRecord(_ path: String, sha: String = "aaa", agency: String? = "某局") -> VerdictRecord {
        var record = S.record(path, sha: sha)
        record.agency = agency
        return record
    }

    /// Judges `path` of drop folder `drop` (at `root`) and makes its line durable, stamped at `time`.
    @discardableResult
    static func judge(_ state: inout DropState, drop: String, root: String, _ path: String, record: VerdictRecord,
                      time: String) -> VerdictRecord {
        _ = state.apply(.watch(.fileMovedIn(root: root, path: path), identity: nil), now: .zero)
        let job = Job(key: ReportKey(drop: drop, relativePath: path), root: root)
        let effects = state.apply(.judged(job, .verdict(record)), now: .zero)
        let (key, appended, _) = try! #require(effects.appends.first)
        var line = appended
        line.time = time
        if line.arrival == nil { line.arrival = time }
        _ = state.apply(.appended(key, line, line: JSONLine.bytes(line)), now: .zero)
        return line
    }

    static func remove(_ state: inout DropState, drop: String, root: String, _ path: String) {
        let effects = state.apply(.watch(.fileRemoved(root: root, path: path), identity: nil), now: .zero)
        guard case .appendRemoval(let key, let record)? = effects.first(where: { if case .appendRemoval = $0 { true } else { false } })
        else { Issue.record("no removal"); return }
        _ = state.apply(.removalDurable(key, record))
    }

    @Test func aReportMovedToAnotherDropFolderKeepsTheArrivalOfItsContent() {
        var state = Self.twoDrops()
        let first = Self.judge(&state, drop: "a", root: "/srv/a", "局/r.txt", record: Self.agencyRecord("局/r.txt"), time: Self.firstTime)
        Self.remove(&state, drop: "a", root: "/srv/a", "局/r.txt")
        let moved = Self.judge(&state, drop: "b", root: "/srv/b", "r.txt", record: Self.agencyRecord("r.txt"),
                               time: "2025-06-02T08:00:00.000Z")
        #expect(moved.arrival == Self.firstTime, "keyed by content and agency, not by drop folder")
        #expect(moved.arrivalSeq == first.seq)
        // Another agency's report is another arrival, even with the same bytes.
        let other = Self.judge(&state, drop: "b", root: "/srv/b", "other.txt", record: Self.agencyRecord("other.txt", agency: "另一局"),
                               time: "2025-06-03T08:00:00.000Z")
        #expect(other.arrival == "2025-06-03T08:00:00.000Z")
    }

    @Test func aReloadThatReAddsTheFolderUnderAnotherNameKeepsTheArrival() {
        var state = S.state()
        Self.judge(&state, drop: "drop", root: S.root, "r.txt", record: Self.agencyRecord("r.txt"), time: Self.firstTime)
        for effect in state.apply(.reconfigure([]), now: .zero) {
            if case .appendRemoval(let key, let record) = effect { _ = state.apply(.removalDurable(key, record)) }
        }
        _ = state.apply(.reconfigure([DropFolder(name: "renamed", path: S.root)]), now: .zero)
        let again = Self.judge(&state, drop: "renamed", root: S.root, "r.txt", record: Self.agencyRecord("r.txt"),
                               time: "2025-07-01T00:00:00.000Z")
        #expect(again.arrival == Self.firstTime)
    }

    @Test func aContentFirstJudgedWithoutItsAgencyKeepsThatArrival() {
        var state = Self.twoDrops()
        // The host failed first (no agency read), then the content was read in another folder.
        let failed = Self.judge(&state, drop: "a", root: "/srv/a", "r.doc", record: Self.agencyRecord("r.doc", agency: nil),
                                time: Self.firstTime)
        Self.remove(&state, drop: "a", root: "/srv/a", "r.doc")
        let read = Self.judge(&state, drop: "b", root: "/srv/b", "r.doc", record: Self.agencyRecord("r.doc"), time: "2025-06-05T00:00:00.000Z")
        #expect(read.arrival == Self.firstTime && read.arrivalSeq == failed.seq)
        // And a later failure of the same content takes its earliest arrival.
        Self.remove(&state, drop: "b", root: "/srv/b", "r.doc")
        let failedAgain = Self.judge(&state, drop: "a", root: "/srv/a", "x.doc", record: Self.agencyRecord("x.doc", agency: nil),
                                     time: "2025-06-09T00:00:00.000Z")
        #expect(failedAgain.arrival == Self.firstTime)
    }

    @Test func aRestartKeepsArrivalsAndTheSequence() {
        var state = S.state()
        Self.judge(&state, "r.txt", time: Self.firstTime)
        Self.remove(&state, "r.txt")
        // The next run starts from the checkpoint's book and sequence.
        var next = DropState(
            drops: state.drops, current: state.current, settings: .init(settle: S.settle, workers: 2),
            arrivals: state.arrivals, nextSequence: state.nextSequence)
        _ = next.apply(.watch(.scanCompleted(root: S.root, reason: .initial), identity: nil), now: .zero)
        let moved = Self.judge(&next, "back/r.txt", time: "2025-08-01T00:00:00.000Z")
        #expect(moved.arrival == Self.firstTime && moved.arrivalSeq == 1)
        #expect(moved.seq == 3, "the sequence goes on from the last run's")
    }

    @Test func entriesWithoutContentShareNoArrival() {
        var state = S.state()
        let refused = S.record("fifo", sha: "", verdict: .fail, code: "input.unreadable")
        Self.judge(&state, "fifo", time: Self.firstTime, record: refused)
        let other = Self.judge(&state, "fifo2", time: "2025-09-01T00:00:00.000Z", record: S.record("fifo2", sha: "", verdict: .fail, code: "input.unreadable"))
        #expect(other.arrival == "2025-09-01T00:00:00.000Z")
    }

    @Test func aCheckpointIsAskedForEveryNLinesWhenNothingIsInFlight() {
        var settings = DropState.Settings(settle: S.settle, workers: 2)
        settings.checkpointEvery = 2
        var state = DropState(drops: [DropFolder(name: "drop", path: S.root)], current: [:], settings: settings)
        _ = state.apply(.watch(.scanCompleted(root: S.root, reason: .initial), identity: nil), now: .zero)
        Self.judge(&state, "a.txt", time: Self.firstTime)
        // Two in flight: the second line's durability comes while the third commits.
        _ = state.apply(S.moved("b.txt"))
        _ = state.apply(S.moved("c.txt"))
        let b = state.apply(.judged(S.job("b.txt"), .verdict(S.record("b.txt"))), now: .zero).appends[0]
        let c = state.apply(.judged(S.job("c.txt"), .verdict(S.record("c.txt"))), now: .zero).appends[0]
        let durableB = state.apply(.appended(b.0, b.1, line: JSONLine.bytes(b.1)))
        #expect(!durableB.contains(.checkpoint), "c.txt's line may be written but is not in the state yet")
        let durableC = state.apply(.appended(c.0, c.1, line: JSONLine.bytes(c.1)))
        #expect(durableC.contains(.checkpoint))
        #expect(Set([b.1.seq, c.1.seq]) == [2, 3])
    }
}
