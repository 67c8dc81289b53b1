import Foundation
import Glibc
import NianbaoDaemon
import NianbaoPlatform
import Testing
import NianbaoTestSupport

/// Runs `nianbao remind` twice inside the private journald: $1 binary, then for each
/// run a status directory, roster and day ($2–$4, $5–$7).
private let remindScript = #"""
set -eu
NIANBAO=$1
"$NIANBAO" remind --status-dir "$2" --roster "$3" --today "$4"
"$NIANBAO" remind --status-dir "$5" --roster "$6" --today "$7"
"""#

extension DaemonSystemd {
    /// `nianbao remind` in the suite's real journald (Tests/Harness/with-journald.sh): one
    /// entry per year in progress, with its MESSAGE_ID, priority and fields, read back with
    /// `journalctl -o json`.
    @Suite(.serialized, .timeLimit(.minutes(2)), .offPool)
    struct Remind {
        static var harnessAvailable: Bool {
            getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")
                && FileManager.default.isExecutableFile(atPath: "/lib/systemd/systemd-journald")
        }

        @Test(.enabled(if: Remind.harnessAvailable, "needs root, unshare(1) and systemd-journald"))
        func entriesCarryPriorityMessageIDAndFields() throws {
            // 2025-01-28: departments due 2025-01-31 still missing, 3 days left → warning (4).
            let (early, earlyRoster) = try OfficeYear.fixture(before: "2025-01-28")
            // 2025-02-18: a department 18 days overdue → err (3).
            let (late, lateRoster) = try OfficeYear.fixture(before: "2025-02-18")
            let out = early.root + "/journal"
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let harness = Fixtures.repository.appendingPathComponent("Tests/Harness/with-journald.sh").path
            let run = try NianbaoRun.run([harness, out, "sh", "-c", remindScript, "sh", Binaries.nianbao,
                                          early.status, earlyRoster, "2025-01-28", late.status, lateRoster, "2025-02-18"],
                                         executable: "/usr/bin/env")
            if run.status == 77 {
                #expect(ProcessInfo.processInfo.environment["CI"] != "true", "with-journald.sh could not run: \(run.stderr)")
                try Test.cancel("skipped: with-journald.sh cannot run here (exit 77): \(run.stderr)")
            }
            try #require(run.status == 0, "\(run.stderr) \(run.stdout)")
            // With journald there, nothing goes to standard output.
            #expect(run.stdout.isEmpty, "\(run.stdout)")

            let read = try NianbaoRun.run(["journalctl", "--directory=\(out)", "-o", "json", "--all", "--no-pager",
                                           "MESSAGE_ID=\(MessageID.yearReminder.rawValue)"], executable: "/usr/bin/env")
            try #require(read.status == 0, "\(read.stderr)")
            let entries = try read.stdout.split(separator: "\n").map { line in
                DaemonSystemdJournalEntry(json: try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]))
            }
            try #require(entries.count == 2, "\(read.stdout)")
            let warning = entries[0], error = entries[1]

            #expect(warning["PRIORITY"] == "4")
            #expect(warning["SYSLOG_IDENTIFIER"] == "nianbao-remind")
            #expect(warning["_TRANSPORT"] == "journal")
            #expect(warning["NIANBAO_YEAR"] == "2024")
            #expect(warning["NIANBAO_EXPECTED"] == "6")
            #expect(warning["NIANBAO_SUBMITTED"] == "2")
            #expect(warning["NIANBAO_MISSING"] == "4")
            #expect(warning["NIANBAO_MISSING_AGENCIES"] == "淮安市民政局、淮安市司法局、淮安市洪泽区人民政府、金湖县人民政府")
            #expect(warning["NIANBAO_DEADLINE"] == "2025-01-31")
            #expect(warning["NIANBAO_DAYS_LEFT"] == "3")
            #expect(warning["MESSAGE"] == "2024 年度报告：6 家应报，2 家已报，4 家未报（截止 2025-01-31，剩 3 天）：淮安市民政局、淮安市司法局；"
                + "（截止 2025-02-20，剩 23 天）：淮安市洪泽区人民政府、金湖县人民政府")

            #expect(error["PRIORITY"] == "3")
            #expect(error["NIANBAO_SUBMITTED"] == "4")
            #expect(error["NIANBAO_MISSING"] == "2")
            #expect(error["NIANBAO_MISSING_AGENCIES"] == "淮安市民政局、金湖县人民政府")
            #expect(error["NIANBAO_DEADLINE"] == "2025-01-31")
            #expect(error["NIANBAO_DAYS_LEFT"] == "-18")
            #expect(error["MESSAGE"]?.hasPrefix("2024 年度报告：6 家应报，4 家已报，2 家未报（截止 2025-01-31，逾期 18 天）：淮安市民政局") == true)
            // Only the fields the reminder sends, each once.
            let allowed: Set<String> = ["MESSAGE", "PRIORITY", "MESSAGE_ID", "SYSLOG_IDENTIFIER", "NIANBAO_YEAR", "NIANBAO_EXPECTED",
                                        "NIANBAO_SUBMITTED", "NIANBAO_MISSING", "NIANBAO_MISSING_AGENCIES", "NIANBAO_DEADLINE",
                                        "NIANBAO_DAYS_LEFT"]
            for entry in entries {
                #expect(Set(entry.fields.keys.filter { !$0.hasPrefix("_") }) == allowed)
            }
        }
    }
}
