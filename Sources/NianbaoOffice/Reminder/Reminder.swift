import NianbaoEngine

/// The daily reminder for a reporting year in progress: one line and its priority.
///
/// "2024 年度报告：38 家应报，35 家已报，3 家未报（截止 2025-01-31，剩 2 天）：甲、乙、丙"
///
/// The missing agencies are grouped by their own deadline (each entry's level), earliest
/// first, each group with its deadline and 剩 N 天 or 逾期 N 天:
/// "…，3 家未报（截止 2025-01-31，逾期 1 天）：甲、乙；（截止 2025-02-20，剩 19 天）：丙".
/// With nothing missing: "2024 年度报告：38 家应报，38 家已报，0 家未报".
public struct Reminder: Sendable, Hashable {
    /// A group of missing agencies sharing a deadline.
    public struct DueGroup: Sendable, Hashable {
        /// nil when the level, hence the deadline, is unknown.
        public var deadline: CivilDate?
        /// Days until the deadline (0 on the day), if not passed.
        public var daysLeft: Int?
        /// Days since the deadline, if passed.
        public var daysOverdue: Int?
        /// The missing agencies, in roster order.
        public var agencies: [String]
    }

    /// The report year.
    public var year: Int
    /// Agencies expected.
    public var expected: Int
    /// Agencies that submitted.
    public var submitted: Int
    /// Agencies missing, in roster order.
    public var missing: [String]
    /// The missing agencies by deadline, earliest first (unknown deadlines last).
    public var groups: [DueGroup]
    /// err once a deadline has passed with its reports missing; warning when 3 days or
    /// fewer remain for one; info otherwise (and whenever nothing is missing).
    public var priority: SyslogPriority
    /// The journal message.
    public var message: String

    /// Days left at or below which the priority is warning.
    public static let warningDays = 3

    /// The reminder for a year's status, as of `status.today`.
    public init(status: YearStatus) {
        year = status.year
        expected = status.expected
        submitted = status.submitted
        missing = status.missing
        var byDeadline: [CivilDate?: [String]] = [:]
        for line in status.agencies where line.state == .missing {
            byDeadline[line.deadline, default: []].append(line.name)
        }
        groups = byDeadline.map { deadline, names in
            let left = deadline.map { status.today.days(to: $0) }
            return DueGroup(deadline: deadline, daysLeft: left.flatMap { $0 >= 0 ? $0 : nil },
                            daysOverdue: left.flatMap { $0 < 0 ? -$0 : nil }, agencies: names)
        }.sorted { a, b in
            switch (a.deadline, b.deadline) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            default: return false
            }
        }
        if groups.contains(where: { $0.daysOverdue != nil }) {
            priority = .err
        } else if groups.contains(where: { ($0.daysLeft ?? Int.max) <= Self.warningDays }) {
            priority = .warning
        } else {
            priority = .info
        }
        var text = "\(year) 年度报告：\(expected) 家应报，\(submitted) 家已报，\(missing.count) 家未报"
        text += groups.map { group in
            let due: String
            if let deadline = group.deadline {
                if let left = group.daysLeft { due = "截止 \(deadline.iso)，剩 \(left) 天" } else { due = "截止 \(deadline.iso)，逾期 \(group.daysOverdue ?? 0) 天" }
            } else {
                due = "截止日期未知"
            }
            return "（\(due)）：\(group.agencies.joined(separator: "、"))"
        }.joined(separator: "；")
        message = text
    }

    /// Days after the latest deadline during which a year still gets reminders.
    public static let defaultGraceDays = 60

    /// The report years in progress on `today`: from 1 January after the report year until
    /// `graceDays` days after the latest deadline among the roster's levels (3月31日, the
    /// latest of all, without a roster or with an empty one). Reminders before 1 January
    /// would be pointless (no report can be written before the year ends); 60 days after
    /// the last deadline, the year's missing reports are a matter for the annual review,
    /// not a daily reminder. Earliest year first.
    public static func yearsInProgress(today: CivilDate, roster: Roster?, graceDays: Int = defaultGraceDays) -> [Int] {
        let levels = Set(roster?.entries.map(\.level) ?? [])
        let latest = (levels.isEmpty ? [.province] : Array(levels)).map { $0.deadline(forReportYear: 0) }.max() ?? CivilDate(year: 1, month: 3, day: 31)
        let span = CivilDate(year: 1, month: 1, day: 1).days(to: latest) + max(0, graceDays)
        var years: [Int] = []
        var year = today.year - 1
        while year >= today.year - 1 - (span / 365 + 1) {
            let start = CivilDate(year: year + 1, month: 1, day: 1)
            if today >= start && start.days(to: today) <= span { years.append(year) }
            year -= 1
        }
        return years.reversed()
    }
}
