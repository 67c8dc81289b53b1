import ArgumentParser
import NianbaoDaemon

/// `nianbao status`: the summary and the failing reports.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print the summary of the status directory and the failing reports."
    )

    @Flag(help: "Print JSON: {summary, failing: [records]}.")
    var json = false

    @Option(name: .customLong("status-dir"), help: "Status directory.")
    var statusDir = "./state/status"

    struct Output: Encodable {
        var summary: Summary
        var failing: [VerdictRecord]
    }

    func run() throws {
        let directory = StatusDirectory(root: statusDir)
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
