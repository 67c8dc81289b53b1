import NianbaoEngine
import NianbaoOffice

/// The status directory's records, read once, as the office's year sees them: the
/// submitted reports, the year's status, the 汇总 and the reminders.
public struct StatusRecords: Sendable {
    /// Every report's latest verdict, keyed by report.
    public var records: [ReportKey: VerdictRecord]

    /// Records given directly.
    public init(records: [ReportKey: VerdictRecord]) {
        self.records = records
    }

    /// Every status file of `directory` (`StatusDirectory.allRecords`); none when it does not exist.
    public init(directory: StatusDirectory) {
        self.init(records: directory.allRecords())
    }

    /// A report as the year's bookkeeping sees it: its agency, year and verdict, its place
    /// ("drop/relative/path") and its arrival (the record's `time`; a record without a
    /// readable time counts as arrived at 1970-01-01T00:00:00Z).
    public static func submittedReport(key: ReportKey, record: VerdictRecord) -> SubmittedReport {
        SubmittedReport(
            agency: record.agency, year: record.year, verdict: record.verdict,
            drop: record.drop ?? key.drop, file: record.relativePath ?? key.relativePath.string,
            arrival: record.time.flatMap(Arrival.init(iso8601:)) ?? Arrival(milliseconds: 0),
            published: record.published.flatMap(CivilDate.init(iso:)))
    }

    /// Every record as a submitted report, in key order.
    public var submittedReports: [SubmittedReport] {
        records.sorted { $0.key < $1.key }.map { Self.submittedReport(key: $0.key, record: $0.value) }
    }

    /// The year's status (`YearStatus.compute`) as of `today`.
    public func yearStatus(year: Int, roster: Roster?, today: CivilDate) -> YearStatus {
        YearStatus.compute(year: year, roster: roster, reports: submittedReports, today: today)
    }

    /// The year's 汇总 over the reports the year's status counts: one per agency (the
    /// latest arrival), in the status's agency order. Missing agencies and reports that
    /// match no roster entry are not in it.
    public func export(year: Int, roster: Roster?, today: CivilDate) -> YearExport {
        let status = yearStatus(year: year, roster: roster, today: today)
        var byPath: [String: VerdictRecord] = [:]
        for (key, record) in records { byPath[Self.submittedReport(key: key, record: record).path] = record }
        let reports = status.agencies.compactMap { line -> ExportReport? in
            guard let file = line.file, let record = byPath[file] else { return nil }
            return ExportReport(agency: line.name, file: file, verdict: record.verdict, codes: record.codes, tables: record.tables)
        }
        return YearExport(year: year, reports: reports)
    }

    /// One reminder per report year in progress on `today` (`Reminder.yearsInProgress`), earliest year first.
    public func reminders(roster: Roster?, today: CivilDate) -> [(status: YearStatus, reminder: Reminder)] {
        Reminder.yearsInProgress(today: today, roster: roster).map { year in
            let status = yearStatus(year: year, roster: roster, today: today)
            return (status, Reminder(status: status))
        }
    }
}
