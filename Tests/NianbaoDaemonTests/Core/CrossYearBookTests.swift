@testable import NianbaoDaemon
import NianbaoEngine
import Testing

/// ``DropState``'s cross-year bookkeeping: two reports of one agency, last year's and
/// this year's, judged at once. Every order in which the workers' answers, the
/// comparisons and the journal syncs can come back is tried (the state is a value, so
/// each branch is a copy); in every one, this year's final verdict holds the comparison
/// with last year's current content, without a comparison more than needed.
@Suite struct CrossYearBookTests {
    static let agency = "淮安市洪泽区人民政府"

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Reports already judged (replayed from the journal at start), by year.
        var replayed: [Int]
        /// Reports judged now (their answers race), by year.
        var judged: [Int]
        /// Comparisons made at most: one per verdict made with a neighbour, plus one
        /// catch-up when both were judged at once (a comparison with a report being
        /// replaced is spent too).
        var most: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "both arrive together", replayed: [], judged: [2023, 2024], most: 2),
        Case(name: "both present at start-up, none judged before", replayed: [], judged: [2024, 2023], most: 2),
        Case(name: "last year's judged before, this year's arrives", replayed: [2023], judged: [2024], most: 1),
        Case(name: "this year's judged before, last year's arrives", replayed: [2024], judged: [2023], most: 1),
        Case(name: "both judged before, both replaced at once", replayed: [2023, 2024], judged: [2023, 2024], most: 3),
    ]

    @Test(arguments: cases)
    func theComparisonIsMadeWhicheverOrderTheAnswersComeIn(_ test: Case) {
        var current: [ReportKey: VerdictRecord] = [:]
        for year in test.replayed { current[Self.key(year)] = Self.record(year, sha: "old-\(year)") }
        var state = S.state(workers: 2, current: current)
        var pending: [Pending] = []
        for year in test.judged {
            for effect in state.apply(S.moved(Self.path(year))) { pending += Self.answers(effect) }
        }
        #expect(pending.count == test.judged.count, "both reports are read at once")
        var paths = 0
        Self.explore(state, pending, comparisons: 0, paths: &paths) { final, comparisons in
            let thisYear = final.current[Self.key(2024)]
            let lastYear = final.current[Self.key(2023)]
            let compared = thisYear?.findings.filter { $0.code == "cross_year.carry_over" }.map(\.message)
            #expect(compared == ["compared with \(lastYear?.sha256 ?? "?")"], "\(test.name): \(thisYear?.findings ?? [])")
            #expect(comparisons <= test.most, "\(test.name): \(comparisons) comparisons")
            #expect(final.backlog == 0)
        }
        #expect(test.judged.count == 1 || paths > 1, "every order was tried")
    }

    // MARK: - Driver

    /// An answer a task will send, and which report it belongs to.
    struct Pending {
        var input: DropInput
        var comparison: Bool
    }

    /// Delivers each pending answer first in turn, recursively, until nothing is pending.
    static func explore(_ state: DropState, _ pending: [Pending], comparisons: Int, paths: inout Int,
                        _ check: (DropState, Int) -> Void) {
        guard !pending.isEmpty else {
            paths += 1
            check(state, comparisons)
            return
        }
        for index in pending.indices {
            var next = state
            var rest = pending
            let chosen = rest.remove(at: index)
            for effect in next.apply(chosen.input) { rest += answers(effect) }
            explore(next, rest, comparisons: comparisons + (chosen.comparison ? 1 : 0), paths: &paths, check)
        }
    }

    /// What the loop's task answers for an effect, as the real judge would (the
    /// comparison's finding names last year's content).
    static func answers(_ effect: DropEffect) -> [Pending] {
        switch effect {
        case .read(let job):
            let year = job.key.relativePath.string.hasPrefix("2023") ? 2023 : 2024
            return [Pending(input: .judged(job, .verdict(record(year, sha: "new-\(year)"), report: Report())), comparison: false)]
        case .crossCheck(let check):
            let own = check.previous.map { [finding($0.sha256)] } ?? []
            let updates = check.next.map { [CrossYearUpdate(counterpart: $0, findings: [finding(check.record.sha256)], tables: nil)] } ?? []
            return [Pending(input: .crossChecked(check.key, check.record.replacingCrossYear(own), updates),
                            comparison: check.previous != nil || check.next != nil)]
        case .recompare(let recompare):
            let update = CrossYearUpdate(counterpart: recompare.this, findings: [finding(recompare.previous.sha256)], tables: nil)
            return [Pending(input: .recompared(recompare.this.key, previous: recompare.previous.sha256, update), comparison: true)]
        case .append(let key, let record, _):
            return [Pending(input: .appended(key, record, line: []), comparison: false)]
        default:
            return []
        }
    }

    static func finding(_ previousSHA: String) -> VerdictRecord.FindingRecord {
        .init(code: "cross_year.carry_over", severity: "warning", message: "compared with \(previousSHA)", location: nil)
    }

    static func path(_ year: Int) -> String { "\(year)年报.txt" }
    static func key(_ year: Int) -> ReportKey { S.key(path(year)) }

    static func record(_ year: Int, sha: String) -> VerdictRecord {
        var record = S.record(path(year), sha: sha)
        record.agency = agency
        record.year = year
        return record
    }
}
