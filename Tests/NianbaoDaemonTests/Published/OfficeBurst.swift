import Foundation
import NianbaoDaemon
import NianbaoOffice
import NianbaoTestSupport

/// A January burst for the 40-agency roster of 淮安 (Tests/Fixtures/roster/huaian-city.csv):
/// 26 departments send a passing 2024 report, 3 a report whose table 3 does not add up,
/// 1 a passing report under a hostile file name, 1 an unreadable scan; the 8 governments
/// and the 2 vertically managed offices send nothing.
struct OfficeBurst {
    static let rosterFixture = "roster/huaian-city.csv"
    /// The hostile report's path in the drop folder (a folder `<script>alert(1)<` and a file `script>.txt`).
    static let hostile = "<script>alert(1)</script>.txt"
    static let unreadable = "扫描件.jpg"

    let roster: Roster
    /// (relative path, bytes) in the order they are dropped.
    let files: [(String, [UInt8])]
    let passing: [String]
    let failing: [String]
    let missing: [String]
    /// The agency behind the hostile file name.
    let hostileAgency: String

    init() throws {
        roster = try RosterParser.parse(try Fixtures.text(Self.rosterFixture))
        let pass = try Fixtures.text("office/jiangnan-market-2024.txt")
        let fail = try Fixtures.text("office/jiangnan-market-2024-table3-mutant.txt")
        func report(_ template: String, _ agency: String) -> [UInt8] {
            Array(template.replacingOccurrences(of: "江南区市场监督管理局", with: agency).utf8)
        }
        let names = roster.entries.map(\.name)
        let departments = Array(names[8..<38])
        passing = Array(departments[0..<26])
        failing = Array(departments[26..<29])
        hostileAgency = departments[29]
        missing = Array(names[0..<8] + names[38..<40])
        var files: [(String, [UInt8])] = []
        for (index, agency) in passing.enumerated() { files.append(("2024/pass-\(index).txt", report(pass, agency))) }
        for (index, agency) in failing.enumerated() { files.append(("2024/fail-\(index).txt", report(fail, agency))) }
        files.append((Self.hostile, report(pass, hostileAgency)))
        files.append((Self.unreadable, (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }))
        self.files = files
    }

    /// The roster fixture's text less the entries named (CRLF lines, as Excel writes them).
    static func rosterText(without names: Set<String>) throws -> String {
        try Fixtures.text(rosterFixture).split(whereSeparator: \.isNewline)
            .filter { line in !names.contains { line.hasPrefix($0 + ",") } }.joined(separator: "\r\n") + "\r\n"
    }
}
