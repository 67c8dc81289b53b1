import Foundation
import NianbaoDaemon
import NianbaoTestSupport
import Testing

/// Both years of an agency arriving together, or both present at start-up: the running
/// daemon compares them however its workers' answers interleave (``CrossYearBook``).
@Suite(.serialized, .timeLimit(.minutes(4)), .offPool)
struct CrossYearArrivalTests {
    static let files: [(String, [UInt8])] = [
        ("hongze/2023.txt", CrossYearDaemonTests.last), ("hongze/2024.txt", CrossYearDaemonTests.broken),
    ]

    /// The pair's verdicts once the daemon is idle: this year's holds the three carry-over warnings.
    static func expectCompared(_ ws: Workspace, _ daemon: DaemonHarness, _ what: String) {
        #expect(daemon.quiesce(), "\(what)")
        let thisYear = CrossYearDaemonTests.latest(ws, "hongze/2024.txt")
        let carried = thisYear?.findings.filter { $0.code == "cross_year.carry_over" } ?? []
        #expect(carried.count == 3, "\(what): \(thisYear?.codes ?? [])")
        #expect(ws.statusRecord("hongze/2024.txt")?.codes.contains("cross_year.carry_over") == true, "\(what)")
    }

    /// Both files renamed into the drop folder in one rename (a folder holding both), so
    /// the scan finds them together and two workers judge them at once; several rounds.
    @Test(arguments: 1...3)
    func bothYearsDroppedAtOnceAreCompared(round: Int) throws {
        let ws = try Workspace()
        let daemon = try DaemonHarness(ws, extraArguments: ["--workers", "2"])
        #expect(daemon.waitUntilReady())
        let staging = ws.root + "/pair"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        for (path, bytes) in Self.files {
            try Data(bytes).write(to: URL(fileURLWithPath: staging + "/" + path.split(separator: "/").last!))
        }
        #expect(rename(staging, ws.drop + "/hongze") == 0)
        #expect(daemon.waitForVerdicts(Self.files.map(\.0)))
        Self.expectCompared(ws, daemon, "round \(round)")
        #expect(daemon.terminate() == 0)
    }

    /// Both files in the drop folder before the first start: judged at once by the start-up scan.
    @Test(arguments: 1...3)
    func bothYearsPresentAtStartUpAreCompared(round: Int) throws {
        let ws = try Workspace()
        for (path, bytes) in Self.files { try ws.write(path, bytes) }
        let daemon = try DaemonHarness(ws, extraArguments: ["--workers", "2"])
        #expect(daemon.waitUntilReady())
        #expect(daemon.waitForVerdicts(Self.files.map(\.0)))
        Self.expectCompared(ws, daemon, "round \(round)")
        #expect(daemon.terminate() == 0)
    }
}
