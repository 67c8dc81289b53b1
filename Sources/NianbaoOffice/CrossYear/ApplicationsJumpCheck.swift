import NianbaoEngine

extension CrossYearCheck {
    /// Above this ratio of this year's applications to last year's (or below its inverse,
    /// 0.2×), `anomaly.applications_jump` points the change out.
    public static let applicationsJumpFactor = 5
    /// The larger of the two years' counts must reach this for a jump to mean something
    /// (2 → 11 applications is not a trend).
    public static let applicationsJumpMinimum = 30

    /// `anomaly.applications_jump` (information): 表二 一、本年新收政府信息公开申请数量 · 总计
    /// more than 5× or less than 0.2× last year's, when the larger count is at least 30. Not an
    /// error: a real change (a new duty, a campaign of applications) or a table filled wrongly
    /// in one of the years; the office wants it pointed out.
    public static func applicationsJump(thisYear: Input, lastYear: Input) -> [Finding] {
        guard consecutive(thisYear, lastYear),
              let this = thisYear.report.table2, let last = lastYear.report.table2,
              let now = received(this), let before = received(last),
              max(now, before) >= applicationsJumpMinimum, now < Int.max / applicationsJumpFactor, before < Int.max / applicationsJumpFactor
        else { return [] }
        let direction: String
        if now > before * applicationsJumpFactor {
            direction = before == 0 ? "上年为 0" : "为上年的 \(ratio(now, before)) 倍"
        } else if now * applicationsJumpFactor < before {
            direction = "仅为上年的 \(ratio(now, before)) 倍"
        } else {
            return []
        }
        return [Finding(.anomalyApplicationsJump,
            "表二 一、本年新收政府信息公开申请数量 · 总计：本年《\(thisYear.file)》\(now) 件，上年《\(lastYear.file)》\(before) 件，\(direction)（超出 \(applicationsJumpFactor) 倍或不足 1/\(applicationsJumpFactor)），请核实")]
    }

    /// Every comparison with the year before, the anomalies included: what `nianbao check`
    /// runs among its files. (The daemon runs `check(thisYear:lastYear:)`, whose findings
    /// all start with "cross_year.".)
    public static func checkWithAnomalies(thisYear: Input, lastYear: Input) -> [Finding] {
        check(thisYear: thisYear, lastYear: lastYear) + applicationsJump(thisYear: thisYear, lastYear: lastYear)
    }

    private static func received(_ table: Table2) -> Int? {
        if let total = table[.received, .total]?.count { return total }
        var sum = 0
        for column in Applicant.parts {
            guard let value = table[.received, column]?.count, value >= 0, value < 1_000_000 else { return nil }
            sum += value
        }
        return sum
    }

    /// now / before with one decimal ("5.6").
    private static func ratio(_ now: Int, _ before: Int) -> String {
        let tenths = (now * 100 / before + 5) / 10
        return "\(tenths / 10).\(tenths % 10)"
    }
}

extension CrossYearCheck {
    /// Whether a finding's code comes from a comparison with another year's report
    /// (`checkWithAnomalies`): the findings to replace when a neighbouring year is compared
    /// again. (The daemon's Core replaces findings by the prefix "cross_year."; with this test
    /// instead it could run `checkWithAnomalies` and show `anomaly.applications_jump` too.)
    public static func isComparison(_ code: String) -> Bool {
        code.hasPrefix("cross_year.") || code == RuleCode.anomalyApplicationsJump.rawValue
    }
}
