import Foundation
import NianbaoEngine
import NianbaoOffice
import NianbaoViews

/// `PublishedState` → `DashboardModel`: the year cards from the year summaries (the
/// roster's agencies, or without one what arrived), the verdict distribution, one row
/// per report plus one per missing agency, and the recent problems, newest first.
public enum DashboardMapping {
    /// The page's model. `years` are the year summaries (`YearSummaries.compute`).
    public static func model(_ state: PublishedState, years: [YearStatus]) -> DashboardModel {
        var model = DashboardModel(
            generatedAt: state.time, years: years.reversed().map(progress), verdicts: distribution(state.records),
            agencies: rows(state.records, years: years),
            problems: state.problems.reversed().map { DaemonProblem(time: $0.time, kind: $0.kind, path: $0.path ?? "—", text: $0.text) })
        model.watching = state.drops.compactMap { drop in
            state.watching.drops[drop.name].map {
                DropWatchLine(name: drop.name, path: drop.path, mode: $0.mode.rawValue, pollSeconds: $0.pollSeconds,
                              reason: $0.reason, stalled: !$0.stalled.isEmpty)
            }
        }
        return model
    }

    /// A year's card: per level, submitted / failing / missing against its deadline.
    /// An agency whose level cannot be told (no roster, an unusual name) counts as a department.
    public static func progress(_ status: YearStatus) -> YearProgress {
        var byLevel: [DisplayLevel: LevelProgress] = [:]
        for agency in status.agencies {
            let level = displayLevel(agency)
            var line = byLevel[level] ?? LevelProgress(
                level: level, deadline: agency.deadline ?? level.deadline(reportYear: status.year), submitted: 0, failing: 0)
            switch agency.state {
            case .missing: line.missing += 1
            case .fail: line.submitted += 1; line.failing += 1
            case .pass, .warn: line.submitted += 1
            }
            byLevel[level] = line
        }
        return YearProgress(year: status.year, hasRoster: status.hasRoster, levels: DisplayLevel.allCases.compactMap { byLevel[$0] })
    }

    /// Current reports by outcome.
    public static func distribution(_ records: [ReportKey: VerdictRecord]) -> VerdictDistribution {
        var d = VerdictDistribution(pass: 0, warn: 0, fail: 0, refused: 0)
        for record in records.values {
            if record.isRefused { d.refused += 1; continue }
            switch record.verdict {
            case .pass: d.pass += 1
            case .warn: d.warn += 1
            case .fail: d.fail += 1
            }
        }
        return d
    }

    /// One row per report (its agency and level as the year matched them) and one per
    /// missing agency; latest year first, then failing, unreadable, missing, warned,
    /// passing, then by agency name and file.
    public static func rows(_ records: [ReportKey: VerdictRecord], years: [YearStatus]) -> [AgencyRow] {
        var matched: [String: (agency: AgencyYearState, year: Int)] = [:]
        var rows: [AgencyRow] = []
        for status in years {
            for agency in status.agencies {
                if let file = agency.file { matched[file] = (agency, status.year) }
                for file in agency.earlierFiles { matched[file] = (agency, status.year) }
                if agency.state == .missing {
                    rows.append(AgencyRow(agency: agency.name, level: displayLevel(agency), year: status.year, status: .missing))
                }
            }
        }
        for (key, record) in records {
            let path = StatusRecords.submittedReport(key: key, record: record).path
            let match = matched[path]
            let counted = match?.agency.file == path
            rows.append(AgencyRow(
                agency: match?.agency.name ?? record.agency, level: match.map { displayLevel($0.agency) }, year: record.year,
                status: AgencyStatus(rawValue: record.outcomeName) ?? .fail, file: key.relativePath.string, drop: key.drop,
                arrivedAt: arrival(record), late: counted && (match?.agency.late ?? false), findings: findings(record)))
        }
        // Sort keys made once per row, not per comparison (a burst page has thousands of rows).
        let keyed = rows.map { row in
            (row: row, year: row.year ?? 0, rank: rank(row.status), agency: Array((row.agency ?? "\u{10FFFF}").utf8),
             place: Array(((row.drop ?? "") + "/" + (row.file ?? "")).utf8))
        }
        return keyed.sorted { a, b in
            if a.year != b.year { return a.year > b.year }
            if a.rank != b.rank { return a.rank < b.rank }
            if a.agency != b.agency { return a.agency.lexicographicallyPrecedes(b.agency) }
            return a.place.lexicographicallyPrecedes(b.place)
        }.map(\.row)
    }

    private static func rank(_ status: AgencyStatus) -> Int {
        switch status {
        case .fail: return 0
        case .refused: return 1
        case .missing: return 2
        case .warn: return 3
        case .pass: return 4
        }
    }

    private static func displayLevel(_ agency: AgencyYearState) -> DisplayLevel {
        DisplayLevel(agency.level ?? .department, name: agency.name)
    }

    /// When the record says the report's content first arrived (its `arrival`, else its `time`).
    static func arrival(_ record: VerdictRecord) -> Date? {
        (record.arrival ?? record.time).flatMap(Arrival.init(iso8601:)).map { Date(timeIntervalSince1970: Double($0.milliseconds) / 1000) }
    }

    /// When the record's verdict was made (its `time`).
    static func checked(_ record: VerdictRecord) -> Date? {
        record.time.flatMap(Arrival.init(iso8601:)).map { Date(timeIntervalSince1970: Double($0.milliseconds) / 1000) }
    }

    /// The record's findings as the views show them.
    static func findings(_ record: VerdictRecord) -> [FindingLine] {
        record.findings.map {
            FindingLine(code: $0.code, severity: Severity(rawValue: $0.severity) ?? .info, message: $0.message, location: $0.location,
                        settled: $0.settled?.reason)
        }
    }
}
