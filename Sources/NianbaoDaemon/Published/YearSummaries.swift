import Foundation
import NianbaoEngine
import NianbaoOffice
import NianbaoPlatform

/// The year summaries of the status directory: `<status>/years/<year>.json`, one per
/// reporting year present in the records and, with a roster, per year in progress
/// (`Reminder.yearsInProgress`). Each holds the same JSON as `nianbao status --year Y --json`.
public enum YearSummaries {
    /// The folder of the summaries under the status directory.
    public static let folder = "years"

    /// The years to summarise, earliest first.
    public static func years(records: [ReportKey: VerdictRecord], roster: Roster?, today: CivilDate) -> [Int] {
        var years = Set(records.values.compactMap(\.year))
        if roster != nil { years.formUnion(Reminder.yearsInProgress(today: today, roster: roster)) }
        return years.sorted()
    }

    /// Every year's status as of `today` (arrival = the record's time), earliest year first.
    public static func compute(records: [ReportKey: VerdictRecord], roster: Roster?, today: CivilDate) -> [YearStatus] {
        let status = StatusRecords(records: records)
        let reports = status.submittedReports
        return years(records: records, roster: roster, today: today).map {
            YearStatus.compute(year: $0, roster: roster, reports: reports, today: today)
        }
    }

    /// The summary file of a year, below the status directory.
    static func path(year: Int) -> [String] { [folder, "\(year).json"] }

    /// The file's bytes: `status --year --json`'s output, with its final newline.
    public static func bytes(_ status: YearStatus) throws -> [UInt8] {
        Array((try status.json() + "\n").utf8)
    }

    /// Writes each year's summary when its bytes changed and removes the summaries of
    /// years no longer shown; returns the errors met.
    static func write(_ statuses: [YearStatus], to statusDirectory: StatusDirectory, files: OutputFiles) -> [String] {
        let tree = statusDirectory.tree
        var errors: [String] = []
        for status in statuses {
            let path = path(year: status.year)
            do { try files.write(try bytes(status), to: path, in: tree) } catch { errors.append("year summary \(tree.location(path)): \(error)") }
        }
        let kept = Set(statuses.map { "\($0.year).json" })
        let directory = tree.location([folder])
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where !kept.contains(name) {
            guard name.hasSuffix(".json"), Int(name.dropLast(5)) != nil else { continue }
            do { try files.remove([folder, name], in: tree) } catch { errors.append("year summary \(directory)/\(name): \(error)") }
        }
        return errors
    }
}
