import Foundation
import NianbaoEngine
import NianbaoOffice

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

    /// The summary file of a year.
    public static func path(year: Int, statusDirectory: StatusDirectory) -> String {
        "\(statusDirectory.root)/\(folder)/\(year).json"
    }

    /// The file's bytes: `status --year --json`'s output, with its final newline.
    public static func bytes(_ status: YearStatus) throws -> [UInt8] {
        Array((try status.json() + "\n").utf8)
    }

    /// Reads a year's summary, if present and readable.
    public static func read(year: Int, statusDirectory: StatusDirectory) -> YearStatus? {
        guard let data = FileManager.default.contents(atPath: path(year: year, statusDirectory: statusDirectory)) else { return nil }
        return try? JSONDecoder().decode(YearStatus.self, from: data)
    }

    /// Writes each year's summary when its bytes changed and removes the summaries of
    /// years no longer shown; returns the errors met.
    static func write(_ statuses: [YearStatus], to statusDirectory: StatusDirectory, files: OutputFiles) -> [String] {
        var errors: [String] = []
        for status in statuses {
            let path = path(year: status.year, statusDirectory: statusDirectory)
            do { try files.write(try bytes(status), to: path) } catch { errors.append("year summary \(path): \(error)") }
        }
        let kept = Set(statuses.map { "\($0.year).json" })
        let directory = "\(statusDirectory.root)/\(folder)"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where !kept.contains(name) {
            guard name.hasSuffix(".json"), Int(name.dropLast(5)) != nil else { continue }
            do { try files.remove("\(directory)/\(name)") } catch { errors.append("year summary \(directory)/\(name): \(error)") }
        }
        return errors
    }
}
