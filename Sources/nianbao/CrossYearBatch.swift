import NianbaoDaemon
import NianbaoEngine
import NianbaoOffice

/// The cross-year comparisons among the files given to `nianbao check`: each report with
/// the same agency's report of the year before, if it is among them, in whichever order
/// they were named — the daemon's checks (`CrossYearCheck.check`), codes and messages,
/// the files named as given on the command line.
enum CrossYearBatch {
    /// A judged report as the comparison needs it: its record and a slimmed report
    /// (tables and section 五 only, so a batch of thousands stays small).
    struct Entry: Sendable {
        var record: VerdictRecord
        var input: CrossYearCheck.Input
    }

    /// The entry for a report that names its agency and year; nil otherwise.
    static func entry(_ record: VerdictRecord, _ report: Report) -> Entry? {
        guard let agency = report.agency, !agency.isEmpty, report.year != nil else { return nil }
        var slim = report
        slim.sections = report.sections.filter { $0.kind == .problems }
        return Entry(record: record, input: CrossYearCheck.Input(report: slim, file: record.path))
    }

    /// The records that gained cross-year findings, by index, with their verdicts recomputed.
    static func compare(_ entries: [Entry?]) -> [Int: VerdictRecord] {
        let indices = entries.indices.filter { entries[$0] != nil }
        guard indices.count >= 2 else { return [:] }
        let inputs = indices.compactMap { entries[$0]?.input }
        var out: [Int: VerdictRecord] = [:]
        for (position, findings) in CrossYearCheck.among(inputs) {
            let index = indices[position]
            guard var record = entries[index]?.record else { continue }
            record.findings += findings.map(VerdictRecord.FindingRecord.init)
            record.verdict = VerdictRecord.verdict(of: record.findings)
            out[index] = record
        }
        return out
    }
}
