import NianbaoEngine

/// Checks a report against the same agency's report of the year before.
///
/// Pure: both reports and their file names in, findings for this year's report out.
/// The caller decides that the two are the same agency's; the checks return nothing
/// unless both years are known and `thisYear.year == lastYear.year + 1`. Use
/// `CrossYearCheck.pair(_:_:)` to order two reports by year, so that the result does not
/// depend on which arrived first.
public enum CrossYearCheck {
    /// A report and the file it came from.
    public struct Input: Sendable {
        /// The parsed report.
        public var report: Report
        /// Its file as named in messages ("drop/relative/path").
        public var file: String

        /// A report and its file.
        public init(report: Report, file: String) {
            self.report = report
            self.file = file
        }
    }

    /// The daemon's checks: `cross_year.carry_over`, `cross_year.in_force`, `cross_year.repeated_text`
    /// (every code starts with "cross_year.", which the daemon relies on to replace them).
    public static func check(thisYear: Input, lastYear: Input) -> [Finding] {
        carryOver(thisYear: thisYear, lastYear: lastYear)
            + inForce(thisYear: thisYear, lastYear: lastYear)
            + repeatedText(thisYear: thisYear, lastYear: lastYear)
    }

    /// The two reports as (this year, last year) when their years are consecutive, in
    /// either argument order; nil otherwise.
    public static func pair(_ a: Input, _ b: Input) -> (thisYear: Input, lastYear: Input)? {
        guard let yearA = a.report.year, let yearB = b.report.year else { return nil }
        if yearA < Int.max, yearA + 1 == yearB { return (b, a) }
        if yearB < Int.max, yearB + 1 == yearA { return (a, b) }
        return nil
    }

    static func consecutive(_ thisYear: Input, _ lastYear: Input) -> Bool {
        guard let this = thisYear.report.year, let last = lastYear.report.year, last < Int.max else { return false }
        return last + 1 == this
    }

    /// `cross_year.carry_over`: 表二 二、上年结转 of this year equals 四、结转下年度继续办理 of
    /// last year, column by column. One warning per column that differs; columns either
    /// report leaves unreadable are skipped (the report's own checks flag them).
    public static func carryOver(thisYear: Input, lastYear: Input) -> [Finding] {
        guard consecutive(thisYear, lastYear), let this = thisYear.report.table2, let last = lastYear.report.table2 else { return [] }
        var findings: [Finding] = []
        for column in Applicant.allCases {
            guard let now = this[.carriedOver, column]?.count, let before = last[.carriedForward, column]?.count, now != before else { continue }
            findings.append(Finding(.crossYearCarryOver,
                "表二 二、上年结转 · \(column.label)：本年《\(thisYear.file)》为 \(now)，上年《\(lastYear.file)》四、结转下年度继续办理 · \(column.label) 为 \(before)"))
        }
        return findings
    }
}
