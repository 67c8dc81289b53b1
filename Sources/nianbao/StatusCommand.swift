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
        Without a roster the expected agencies are those that reported.
        """
    )

    @Flag(help: "Print JSON: {summary, failing: [records]}; with --year, the year's object.")
    var json = false

    @Option(help: "The report year to show (e.g. 2024).")
    var year: Int?

    @OptionGroup var office: OfficeOptions

    struct Output: Encodable {
        var summary: Summary
        var failing: [VerdictRecord]
    }

    func run() async throws {
        let settings = try await office.resolve()
        let directory = StatusDirectory(root: settings.statusDirectory)
        if let year {
            let status = StatusRecords(directory: directory).yearStatus(year: year, roster: settings.roster, today: settings.today)
            // Names come from report files: each line is escaped for the terminal, the JSON by its encoder.
            print(json ? try status.json() : status.text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { TerminalText.escape(String($0)) }.joined(separator: "\n"))
            return
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
}
