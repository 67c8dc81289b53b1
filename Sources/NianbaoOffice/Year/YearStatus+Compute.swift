import NianbaoEngine

extension YearStatus {
    /// China Standard Time, UTC+8: the offset at which arrivals are compared with deadlines by default.
    public static let chinaStandardTime = 8 * 3600

    /// Computes the year's status.
    ///
    /// - With a roster, each report of `year` is put against the entry its agency name
    ///   matches (`AgencyMatcher`); when the name matches none or several, the entry whose
    ///   `folder` holds the file decides, if exactly one does. Anything else is listed in
    ///   `unmatchedReports`, as are reports naming no agency, and reports naming no year.
    /// - Without a roster, the expected agencies are those that reported: reports are grouped
    ///   by `AgencyName.key`, and each agency's level is read from its name.
    /// - When an agency has several reports for the year, the latest arrival counts (a
    ///   resubmission replaces the earlier one): by the journal's order when both reports
    ///   carry one, else by arrival time; ties go to the later path in byte order;
    ///   the others are listed in `earlierFiles`.
    /// - A report is late when the calendar date of its arrival, at `utcOffsetSeconds`
    ///   east of UTC, is after the deadline of the agency's level.
    /// - Missing and failing agencies carry `daysLeft` (deadline − today, ≥ 0) or
    ///   `daysOverdue` (today − deadline, > 0).
    public static func compute(
        year: Int, roster: Roster?, reports: [SubmittedReport], today: CivilDate,
        utcOffsetSeconds: Int = chinaStandardTime
    ) -> YearStatus {
        var unmatched: [UnmatchedReport] = []
        var ofYear: [SubmittedReport] = []
        for report in reports {
            if report.year == nil {
                unmatched.append(UnmatchedReport(file: report.path, agency: report.agency, reason: .noYear))
            } else if report.year == year {
                ofYear.append(report)
            }
        }
        var groups: [(name: String, level: AgencyLevel?, reports: [SubmittedReport])] = []
        if let roster {
            let matcher = AgencyMatcher(roster: roster)
            var byEntry = Array(repeating: [SubmittedReport](), count: roster.entries.count)
            let indexOf = Dictionary(roster.entries.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
            func index(of entry: RosterEntry) -> Int? { indexOf[entry] }
            for report in ofYear {
                guard let agency = report.agency, !AgencyName.fold(agency).isEmpty else {
                    if let holder = (matcher.entry(holding: report.file) ?? matcher.entry(holding: report.path)), let i = index(of: holder) {
                        byEntry[i].append(report)
                    } else {
                        unmatched.append(UnmatchedReport(file: report.path, agency: report.agency, reason: .noAgency))
                    }
                    continue
                }
                let match = matcher.match(agency)
                if let entry = match.entry ?? (matcher.entry(holding: report.file) ?? matcher.entry(holding: report.path)), let i = index(of: entry) {
                    byEntry[i].append(report)
                } else if case .ambiguous(let entries) = match {
                    unmatched.append(UnmatchedReport(file: report.path, agency: agency, reason: .ambiguous, candidates: entries.map(\.name)))
                } else {
                    unmatched.append(UnmatchedReport(file: report.path, agency: agency, reason: .noEntry))
                }
            }
            groups = roster.entries.enumerated().map { ($0.element.name, $0.element.level, byEntry[$0.offset]) }
        } else {
            var order: [String] = []
            var byKey: [String: [SubmittedReport]] = [:]
            for report in ofYear {
                guard let agency = report.agency, !AgencyName.fold(agency).isEmpty else {
                    unmatched.append(UnmatchedReport(file: report.path, agency: report.agency, reason: .noAgency))
                    continue
                }
                let key = AgencyName.key(agency)
                if byKey[key] == nil { order.append(key) }
                byKey[key, default: []].append(report)
            }
            for key in order {
                let reports = byKey[key] ?? []
                let name = latestFirst(reports).first?.agency ?? key
                groups.append((name, AgencyLevel(agency: AgencyName.fold(name)), reports))
            }
            groups.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        }
        let agencies = groups.map { group in
            state(name: group.name, level: group.level, reports: group.reports, year: year, today: today, utcOffsetSeconds: utcOffsetSeconds)
        }
        return YearStatus(year: year, today: today, hasRoster: roster != nil, agencies: agencies, unmatchedReports: unmatched)
    }

    private static func latestFirst(_ reports: [SubmittedReport]) -> [SubmittedReport] {
        reports.sorted { a, b in
            if let x = a.order, let y = b.order, x != y { return x > y }
            return a.arrival != b.arrival ? a.arrival > b.arrival : b.path.utf8.lexicographicallyPrecedes(a.path.utf8)
        }
    }

    private static func state(
        name: String, level: AgencyLevel?, reports: [SubmittedReport], year: Int, today: CivilDate, utcOffsetSeconds: Int
    ) -> AgencyYearState {
        let deadline = level?.deadline(forReportYear: year)
        let ordered = latestFirst(reports)
        var line = AgencyYearState(name: name, level: level, deadline: deadline, state: .missing)
        if let counted = ordered.first {
            line.state = SubmissionState(counted.verdict)
            line.file = counted.path
            line.site = counted.site
            line.reportAgency = counted.agency
            line.arrival = counted.arrival
            line.earlierFiles = ordered.dropFirst().map(\.path)
            let arrived = counted.arrival.date(utcOffsetSeconds: utcOffsetSeconds)
            line.arrivedOn = arrived
            if let deadline {
                line.late = arrived > deadline
                line.daysLate = line.late ? deadline.days(to: arrived) : nil
            }
        }
        if let deadline, line.state == .missing || line.state == .fail {
            let left = today.days(to: deadline)
            if left >= 0 { line.daysLeft = left } else { line.daysOverdue = -left }
        }
        return line
    }
}

extension SubmissionState {
    /// The state a verdict gives.
    public init(_ verdict: Verdict) {
        switch verdict {
        case .pass: self = .pass
        case .warn: self = .warn
        case .fail: self = .fail
        }
    }
}
