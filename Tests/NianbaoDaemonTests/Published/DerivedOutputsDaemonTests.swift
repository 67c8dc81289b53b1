import Foundation
import Glibc
import NianbaoDaemon
import NianbaoPlatform
import NianbaoEngine
import NianbaoOffice
import NianbaoTestSupport
import Testing

/// A real daemon with the 40-agency roster after a burst: the year summary, the
/// metrics file and the dashboard page it writes agree with the status directory
/// and with what the office code computes independently; a roster reload updates them.
@Suite(.serialized, .offPool) struct DerivedOutputsDaemonTests {
    /// The year as computed here from the status directory (arrival = the record's time).
    private func expectedYear(_ workspace: Workspace, roster: Roster, year: Int = 2024) -> YearStatus {
        YearStatus.compute(year: year, roster: roster, reports: StatusRecords(directory: StatusDirectory(root: workspace.status)).submittedReports,
                           today: OfficeClock.today())
    }

    private func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func burstThenRosterReload() throws {
        let burst = try OfficeBurst()
        let workspace = try Workspace()
        let rosterPath = workspace.root + "/roster.csv"
        try Data(try Fixtures.text(OfficeBurst.rosterFixture).utf8).write(to: URL(fileURLWithPath: rosterPath))
        let daemon = try DaemonHarness(workspace, extraArguments: ["--roster", rosterPath])
        try #require(daemon.waitUntilReady(), "not ready: \(daemon.output)")
        for (path, bytes) in burst.files { try workspace.place(path, bytes) }
        try #require(daemon.waitForVerdicts(burst.files.map(\.0)), "verdicts missing: \(daemon.output)")
        try #require(daemon.quiesce())

        // The year summary: exactly what YearStatus computes from the status directory…
        let summaryPath = workspace.status + "/years/2024.json"
        var expected = expectedYear(workspace, roster: burst.roster)
        let bytes = try expected.json() + "\n"
        #expect(daemon.waitUntil { contents(summaryPath) == bytes }, "years/2024.json: \(contents(summaryPath) ?? "absent")")
        // …which is the office's year as set up: 40 expected, 30 in, 10 missing, 3 failing.
        #expect(expected.expected == 40)
        #expect(expected.submitted == 30)
        #expect(Set(expected.missing) == Set(burst.missing))
        #expect(Set(expected.failing) == Set(burst.failing))
        #expect(expected.agencies.first { $0.name == burst.hostileAgency }?.file == "drop/" + OfficeBurst.hostile)
        // `status --year --json` prints the same bytes.
        let cli = try NianbaoRun.run(["status", "--year", "2024", "--json", "--status-dir", workspace.status, "--roster", rosterPath])
        #expect(cli.stdout == bytes, "\(cli.stderr)")

        try checkMetrics(workspace, burst: burst)
        try checkDashboard(workspace, burst: burst)

        // A new roster renamed into place, then SIGHUP: the two vertical offices leave.
        let gone = Set(burst.missing.suffix(2))
        let staged = workspace.root + "/roster.csv.new"
        try Data(try OfficeBurst.rosterText(without: gone).utf8).write(to: URL(fileURLWithPath: staged))
        try #require(rename(staged, rosterPath) == 0)
        let before = daemon.notify.count - 1
        kill(daemon.pid, SIGHUP)
        let reloading = try #require(daemon.notify.waitFor(after: before, timeout: 30) { $0.lines.contains("RELOADING=1") })
        // READY=1 ends the reload. No STATUS= follows when the counts did not change (the
        // loop sends STATUS= only when its line changes), so the wait below is on the file.
        try #require(daemon.notify.waitFor(after: reloading, timeout: 30) { $0.lines.contains("READY=1") } != nil)
        let reloaded = try RosterParser.parse(try OfficeBurst.rosterText(without: gone))
        expected = expectedYear(workspace, roster: reloaded)
        #expect(expected.expected == 38 && expected.missing.count == 8)
        let reloadedBytes = try expected.json() + "\n"
        #expect(daemon.waitUntil { contents(summaryPath) == reloadedBytes }, "after reload: \(contents(summaryPath) ?? "absent")")
        #expect(daemon.waitUntil {
            OutputTools.samples(contents(workspace.status + "/nianbao.prom") ?? "", "nianbao_roster_missing")[#"{year="2024"}"#] == 8
        })
        #expect(daemon.terminate() == 0)
    }

    /// `promtool check metrics` accepts the daemon's file, and its counts are the status directory's.
    private func checkMetrics(_ workspace: Workspace, burst: OfficeBurst) throws {
        let path = workspace.status + "/nianbao.prom"
        let records = StatusDirectory(root: workspace.status).allRecords().values
        func count(_ verdict: Verdict) -> Double { Double(records.count { $0.verdict == verdict }) }
        let refused = Double(records.count { $0.findings.first?.code.hasPrefix("input.") == true })
        #expect(refused == 1)
        let judged = Double(workspace.journalRecords().count { $0?.event != .removed })
        var text = ""
        let settled = Wait.until(timeout: 30, interval: 0.1) {
            text = contents(path) ?? ""
            let reports = OutputTools.samples(text, "nianbao_reports")
            return reports[#"{verdict="pass",drop="drop"}"#] == count(.pass)
                && reports[#"{verdict="warn",drop="drop"}"#] == count(.warn)
                && reports[#"{verdict="fail",drop="drop"}"#] == count(.fail) - refused
                && reports[#"{verdict="refused",drop="drop"}"#] == refused
                && OutputTools.samples(text, "nianbao_judged_total")[""] == judged
                && OutputTools.samples(text, "nianbao_queue_depth")[""] == 0
        }
        #expect(settled, "metrics do not match the status directory:\n\(text)")
        #expect(OutputTools.samples(text, "nianbao_roster_missing")[#"{year="2024"}"#] == 10)
        #expect(OutputTools.samples(text, "nianbao_findings")[#"{code="table3.group_total"}"#] == 3)
        // The .jpg is refused by its extension, before any reading.
        #expect(OutputTools.samples(text, "nianbao_refused_total")[#"{reason="unsupported_format"}"#] == 1)
        // The directories under watch: the drop folder and every folder below it.
        var folders = 1
        let enumerator = FileManager.default.enumerator(atPath: workspace.drop)
        while let entry = enumerator?.nextObject() as? String {
            if (enumerator?.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory, !entry.hasPrefix(".") { folders += 1 }
        }
        #expect(OutputTools.samples(text, "nianbao_watch_directories")[""] == Double(folders))
        #expect(OutputTools.samples(text, "nianbao_unwatched_directories")[""] == 0)
        // How the drop folder is watched: 1 for its mode, 0 for the others (issue 22).
        let mode = WatchPlanDetector.plan(root: CanonicalPath.absolute(workspace.drop), requested: .auto).mode.rawValue
        for name in ["inotify", "mixed", "poll"] {
            #expect(OutputTools.samples(text, "nianbao_watch_mode")["{drop=\"drop\",mode=\"\(name)\"}"] == (name == mode ? 1 : 0))
        }
        // The journal synced at least once, and every sync is in the histogram.
        let syncs = OutputTools.samples(text, "nianbao_journal_fsync_seconds_count")[""] ?? 0
        #expect(syncs >= 1 && OutputTools.samples(text, "nianbao_journal_fsync_seconds_bucket")[#"{le="+Inf"}"#] == syncs)
        try FileManager.default.copyItem(atPath: path, toPath: OutputTools.artefacts.appendingPathComponent("nianbao-\(UUID().uuidString.prefix(6)).prom").path)

        guard let promtool = OutputTools.required("promtool", package: "prometheus") else { return }
        let run = try NianbaoRun.run(["-c", "\"$0\" check metrics < \"$1\"", promtool, path], executable: "/bin/sh")
        #expect(run.status == 0, "promtool: \(run.stdout) \(run.stderr)")
    }

    /// Headless Chromium shows the counts and the hostile name as text; no script ran.
    private func checkDashboard(_ workspace: Workspace, burst: OfficeBurst) throws {
        let page = workspace.status + "/index.html"
        let total = StatusDirectory(root: workspace.status).allRecords().count
        #expect(daemon(page: page, contains: #"data-kind="verdict-total">\#(total)<"#), "page lacks the total \(total)")
        guard let chromium = OutputTools.required("chromium", package: "chromium") else { return }
        let url = URL(fileURLWithPath: page).absoluteString
        let dump = try OutputTools.chromium(chromium, ["--dump-dom", "--window-size=1280,2000", url])
        try #require(dump.status == 0, "\(dump.stderr.suffix(1000))")
        let dom = dump.stdout
        try Data(dom.utf8).write(to: OutputTools.artefacts.appendingPathComponent("dashboard-dom.html"))
        func count(_ kind: String, year: Int? = nil) -> Int? {
            let yearPart = year.map { #"data-year="\#($0)" "# } ?? ""
            guard let range = dom.range(of: #"<span class="count" \#(yearPart)data-kind="\#(kind)">(\d+)</span>"#, options: .regularExpression) else { return nil }
            return Int(dom[range].split(separator: ">")[1].split(separator: "<")[0])
        }
        #expect(count("expected", year: 2024) == 40)
        #expect(count("submitted", year: 2024) == 30)
        #expect(count("missing", year: 2024) == 10)
        #expect(count("failing", year: 2024) == 3)
        #expect(count("verdict-total") == total)
        #expect(count("verdict-refused") == 1)
        // The sentinel reports are a 2023 report matching no entry: 2023 shows the whole roster missing.
        let missing2023 = try #require(count("missing", year: 2023))
        #expect(missing2023 == 40)
        #expect(dom.components(separatedBy: #"<span class="badge b-missing">未报</span>"#).count - 1 == 10 + missing2023)
        // The hostile name is text; nothing it carries became an element or ran.
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;.txt"))
        #expect(!dom.lowercased().contains("<script"))
        #expect(dom.contains("<title>年报报送情况</title>"))

        let shot = FileManager.default.temporaryDirectory.appendingPathComponent("daemon-shot-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: shot) }
        let run = try OutputTools.chromium(chromium, ["--screenshot=\(shot.path)", "--window-size=1280,2400", "--hide-scrollbars", url])
        try #require(run.status == 0, "\(run.stderr.suffix(1000))")
        let png = try Data(contentsOf: shot)
        #expect(png.count > 50_000, "a rendered page has colour")
        try png.write(to: OutputTools.artefacts.appendingPathComponent("daemon-dashboard-1280.png"))
    }

    private func daemon(page: String, contains needle: String) -> Bool {
        Wait.until(timeout: 30, interval: 0.1) { contents(page)?.contains(needle) == true }
    }
}
