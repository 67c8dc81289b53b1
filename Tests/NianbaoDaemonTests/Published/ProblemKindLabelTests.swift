import Foundation
import NianbaoDaemon
import NianbaoPlatform
import NianbaoViews
import Testing

/// Every problem the daemon can put on the page shows a Chinese label, never its English kind.
@Suite struct ProblemKindLabelTests {
    /// One notice of every shape. `shapeIndex` is an exhaustive switch, so a new
    /// notice case does not compile until it is listed here.
    static let notices: [DaemonNotice] = [
        .started(drops: []), .reloaded(drops: []), .stopping, .overflowRescan,
        .watchLost(path: "/srv/nianbao/drop/区县"), .watchRestored(path: "/srv/nianbao/drop/区县"),
        .watchLimitReached(path: "/srv/nianbao/drop/深层"), .journalRepaired(path: "/var/lib/nianbao/verdicts.jsonl", bytes: 17),
        .journalUnreadableLines(path: "/var/lib/nianbao/verdicts.jsonl", lines: 2),
        .storageDegraded(pending: 3, error: "No space left on device"), .storageRecovered(written: 3),
        .failure("status write failed"), .clockStepped(seconds: -86_400), .restartNeeded(keys: ["state.journalFile"]),
        .stateHealed(.statusDirectory, path: "/var/lib/nianbao/status"),
        .watchMode(drop: DropFolder(name: "nas", path: "/srv/nas"), plan: WatchPlan(mode: .poll, polled: [""], reason: "nfs4 file system"), pollSeconds: 5),
        .watchStalled(drop: "nas", path: "/srv/nas"), .watchResumed(drop: "nas", path: "/srv/nas"),
    ]

    static func shapeIndex(_ notice: DaemonNotice) -> Int {
        switch notice {
        case .started: 0
        case .reloaded: 1
        case .stopping: 2
        case .overflowRescan: 3
        case .watchLost: 4
        case .watchRestored: 5
        case .watchLimitReached: 6
        case .journalRepaired: 7
        case .journalUnreadableLines: 8
        case .storageDegraded: 9
        case .storageRecovered: 10
        case .failure: 11
        case .restartNeeded: 12
        case .stateHealed: 13
        case .clockStepped: 14
        case .watchMode: 15
        case .watchStalled: 16
        case .watchResumed: 17
        }
    }

    @Test func everyNoticeShapeIsListed() {
        #expect(Set(Self.notices.map(Self.shapeIndex)) == Set(0...17))
    }

    @Test func everyKindTheDaemonEmitsHasAChineseLabelOnThePage() throws {
        let emitted = Set(Self.notices.compactMap(\.problemKind)).union([.refused])   // refused: from a verdict
        #expect(emitted == Set(DaemonProblemKind.allCases))
        let time = Date(timeIntervalSince1970: 1_737_000_000)
        let problems = DaemonProblemKind.allCases.map {
            DaemonProblemRecord(time: time, kind: $0, path: nil, text: "说明")
        }
        let state = PublishedState(
            records: [:], drops: [], roster: nil, queueDepth: 0, counters: DaemonCounters(), problems: problems,
            journalSyncs: SyncTimes.Snapshot(), time: time)
        let page = DashboardPage.render(DashboardMapping.model(state, years: []))
        for kind in DaemonProblemKind.allCases {
            let label = kind.chineseName
            #expect(label.unicodeScalars.allSatisfy { $0.value >= 0x3000 }, "\(kind) label is not Chinese: \(label)")
            #expect(page.contains(#"<td data-label="类别"><div class="v">\#(label)</div></td>"#), "\(kind) not shown as \(label)")
            #expect(!page.contains(#"<div class="v">\#(kind.rawValue)</div>"#), "\(kind) shown raw")
        }
        #expect(Set(DaemonProblemKind.allCases.map(\.chineseName)).count == DaemonProblemKind.allCases.count)
    }
}
