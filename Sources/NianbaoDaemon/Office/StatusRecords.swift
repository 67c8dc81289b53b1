import NianbaoEngine
import NianbaoOffice

/// The status directory's records, read once, as the office's year sees them: the
/// submitted reports, the year's status, the 汇总 and the reminders. Several sites'
/// status directories (a province's hosts) combine into one: their reports are then
/// named "site:drop/relative/path" and carry their site.
public struct StatusRecords: Sendable {
    /// One status directory's records and, when several are combined, its site's name.
    public struct Site: Sendable {
        /// The site's name (nil for a single, unnamed status directory).
        public var name: String?
        /// Every report's latest verdict, keyed by report.
        public var records: [ReportKey: VerdictRecord]

        /// A site's records.
        public init(name: String?, records: [ReportKey: VerdictRecord]) {
            self.name = name
            self.records = records
        }
    }

    /// The sites, in the order given.
    public var sites: [Site]

    /// Records given directly (one unnamed site).
    public init(records: [ReportKey: VerdictRecord]) {
        sites = [Site(name: nil, records: records)]
    }

    /// Every status file of `directory` (`StatusDirectory.allRecords`); none when it does not exist.
    public init(directory: StatusDirectory) {
        self.init(records: directory.allRecords())
    }

    /// Several sites' status directories combined, each under its name.
    public init(sites: [(name: String, directory: StatusDirectory)]) {
        self.sites = sites.map { Site(name: $0.name, records: $0.directory.allRecords()) }
    }

    /// A report as the year's bookkeeping sees it: its agency, year and verdict, its place
    /// ("drop/relative/path") and its arrival (when its content first arrived: the record's
    /// `arrival`, or its `time` in records written before arrivals were kept; a record
    /// without a readable time counts as arrived at 1970-01-01T00:00:00Z) and order
    /// (`arrival_seq`).
    public static func submittedReport(key: ReportKey, record: VerdictRecord, site: String? = nil) -> SubmittedReport {
        SubmittedReport(
            agency: record.agency, year: record.year, verdict: record.verdict,
            drop: record.drop ?? key.drop, file: record.relativePath ?? key.relativePath.string,
            arrival: (record.arrival ?? record.time).flatMap(Arrival.init(iso8601:)) ?? Arrival(milliseconds: 0),
            published: record.published.flatMap(CivilDate.init(iso:)), order: record.arrivalSeq, site: site)
    }

    /// Every record with its site and key: site by site, in key order within each.
    private var entries: [(site: String?, key: ReportKey, record: VerdictRecord)] {
        sites.flatMap { site in site.records.sorted { $0.key < $1.key }.map { (site: site.name, key: $0.key, record: $0.value) } }
    }

    /// Every record as a submitted report: site by site, in key order within each.
    public var submittedReports: [SubmittedReport] {
        entries.map { Self.submittedReport(key: $0.key, record: $0.record, site: $0.site) }
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
        for (site, key, record) in entries { byPath[Self.submittedReport(key: key, record: record, site: site).path] = record }
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
