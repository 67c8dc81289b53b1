import Foundation
import NianbaoDaemon
import Testing
import NianbaoTestSupport

/// `nianbao remind` without journald: the lines go to standard output.
@Suite(.offPool) struct RemindCommandTests {
    @Test func withoutJournaldTheLinesGoToStandardOutput() throws {
        let (fixture, roster) = try OfficeYear.fixture(before: "2025-02-18")
        // NIANBAO_LOG=stderr is what "no journal stream, no journald socket" amounts to; on a
        // host without /run/systemd/journal/socket the plain run must behave the same.
        var environments: [[String: String]] = [["NIANBAO_LOG": "stderr"]]
        if !FileManager.default.fileExists(atPath: "/run/systemd/journal/socket") { environments.append([:]) }
        for environment in environments {
            let run = try NianbaoRun.run(["remind", "--status-dir", fixture.status, "--roster", roster, "--today", "2025-02-18"],
                                         environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == "2024 年度报告：6 家应报，4 家已报，2 家未报（截止 2025-01-31，逾期 18 天）：淮安市民政局；（截止 2025-02-20，剩 2 天）：金湖县人民政府\n")
        }
    }

    /// Between reporting seasons nothing is in progress: no line at all.
    @Test func outOfSeasonSaysNothing() throws {
        let (fixture, roster) = try OfficeYear.fixture(before: "2025-02-18")
        let run = try NianbaoRun.run(["remind", "--status-dir", fixture.status, "--roster", roster, "--today", "2025-09-01"],
                                     environment: ["NIANBAO_LOG": "stderr"])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
    }

    @Test func badTodayIsAUsageError() throws {
        let run = try NianbaoRun.run(["remind", "--today", "2025-02-30"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--today"))
    }
}
