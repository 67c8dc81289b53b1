import NianbaoEngine

/// The countdown to a deadline in Chinese: "剩 5 天", "今天截止", "逾期 3 天".
public enum DeadlineText {
    /// Days from `today` to `deadline`: positive before it, 0 on the day, negative after.
    public static func daysLeft(today: CivilDate, deadline: CivilDate) -> Int {
        today.days(to: deadline)
    }

    /// "剩 N 天" before the deadline, "今天截止" on it, "逾期 N 天" after it.
    public static func countdown(today: CivilDate, deadline: CivilDate) -> String {
        let days = daysLeft(today: today, deadline: deadline)
        if days > 0 { return "剩 \(days) 天" }
        if days == 0 { return "今天截止" }
        return "逾期 \(-days) 天"
    }

    /// How much of the reporting window (1 January of the year after the report
    /// year, to the deadline) has passed, from 0 to 1.
    public static func elapsedShare(today: CivilDate, deadline: CivilDate) -> Double {
        let start = CivilDate(year: deadline.year, month: 1, day: 1)
        let span = max(1, start.days(to: deadline))
        return min(1, max(0, Double(start.days(to: today)) / Double(span)))
    }
}
