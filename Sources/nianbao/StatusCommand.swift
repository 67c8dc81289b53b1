import ArgumentParser
import NianbaoDaemon
import NianbaoOffice

/// `nianbao status`: the summary and the failing reports; with `--year`, the office's
/// view of a reporting year (expected, submitted, missing, failing, late, unmatched).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print the summary of the status directory and the failing reports, or a reporting year (--year).",
        discussion: """
        With --year: 应报 · 已报 · 未报 · 不合格 of that report year, the missing and failing agencies \
        with days left or overdue, the late reports and the reports that match no roster entry. \
        Without a roster the expected agencies are those that reported. \
        Several sites (--status-dir SITE=DIR repeated, or --sites DIR holding <DIR>/<site>/): their reports \
        are combined against one province roster and named site:drop/file; with --per-site each site keeps \
        its own roster, read from the year summary its daemon wrote (<site>/years/<year>.json).
        """
    )

    @Flag(help: "Print JSON: {summary, failing: [records]}; with --year, the year's object.")
    var json = false

    @Option(help: "The report year to show (e.g. 2024).")
    var year: Int?

    @Flag(name: .customLong("per-site"), help: "With several sites and --year: each site's year as its daemon computed it (its own roster), with the totals.")
    var perSite = false

    @OptionGroup var office: OfficeOptions

    struct Output: Encodable {
        var summary: Summary
        var failing: [VerdictRecord]
    }

    func run() async throws {
        let settings = try await office.resolve()
        let directory = StatusDirectory(root: settings.statusDirectory)
        if let year {
            if perSite {
                let status = SitesYearStatus(year: year, sites: settings.sites.map { site in
                    // A site whose summary is not there yet: computed from its records with the roster given here.
                    SitesYearStatus.SiteYear(site: site.name, status: YearSummaries.read(statusDirectory: site.path, year: year)
                        ?? StatusRecords(directory: StatusDirectory(root: site.path)).yearStatus(year: year, roster: settings.roster, today: settings.today))
                })
                print(json ? try status.json() : Self.escaped(status.text))
                return
            }
            let status = settings.records.yearStatus(year: year, roster: settings.roster, today: settings.today)
            // Names come from report files: each line is escaped for the terminal, the JSON by its encoder.
            print(json ? try status.json() : Self.escaped(status.text))
            return
        }
        guard settings.sites.isEmpty else {
            FileHandleOutput.standardError("nianbao: several sites are combined only with --year")
            throw ExitCode(2)
        }
        let records = directory.allRecords()
        let summary = directory.readSummary() ?? Summary(records: records, drops: [], updated: "")
        let failing = records.filter { $0.value.verdict == .fail }.sorted { $0.key < $1.key }
        if json {
            print(try JSONLine.string(Output(summary: summary, failing: failing.map(\.value))))
            return
        }
        print("\(summary.line) (updated \(summary.updated.isEmpty ? "never" : summary.updated))")
        for (name, counts) in summary.drops.sorted(by: { $0.key < $1.key }) {
            print("  \(TerminalText.escape(name)): \(counts.total) reports: \(counts.pass) pass, \(counts.warn) warn, \(counts.fail) fail")
        }
        if !failing.isEmpty {
            print("failing:")
            let formatter = HumanFormatter(colour: false)
            for (key, record) in failing {
                print(formatter.block(record, path: key.description))
            }
        }
    }

    func validate() throws {
        if perSite && year == nil { throw ValidationError("--per-site needs --year") }
        if perSite && office.statusDirs.count < 2 && office.sites == nil { throw ValidationError("--per-site needs several sites (--sites DIR or --status-dir repeated)") }
    }

    /// Each line escaped for the terminal.
    static func escaped(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.escape(String($0)) }.joined(separator: "\n")
    }
}
