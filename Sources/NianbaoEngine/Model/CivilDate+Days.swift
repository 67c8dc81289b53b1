extension CivilDate {
    /// Days since 1970-01-01 (negative before), in the proleptic Gregorian calendar.
    /// Wrapping arithmetic: an absurd year (beyond ±10^13) gives a meaningless number, never a trap.
    public var daysSince1970: Int {
        // H. Hinnant's days_from_civil.
        let y = month <= 2 ? year &- 1 : year
        let era = (y >= 0 ? y : y &- 399) / 400
        let yearOfEra = y &- era &* 400
        let shiftedMonth = month > 2 ? month &- 3 : month &+ 9
        let dayOfYear = (153 &* shiftedMonth &+ 2) / 5 &+ day &- 1
        let dayOfEra = yearOfEra &* 365 &+ yearOfEra / 4 &- yearOfEra / 100 &+ dayOfYear
        return era &* 146_097 &+ dayOfEra &- 719_468
    }

    /// The date `days` days after 1970-01-01.
    public init(daysSince1970 days: Int) {
        // H. Hinnant's civil_from_days.
        let z = days &+ 719_468
        let era = (z >= 0 ? z : z &- 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: yearOfEra &+ era &* 400 &+ (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Whole days from this date to `other` (positive when `other` is later).
    public func days(to other: CivilDate) -> Int {
        other.daysSince1970 &- daysSince1970
    }

    /// The date `count` days later (earlier when negative).
    public func adding(days count: Int) -> CivilDate {
        CivilDate(daysSince1970: daysSince1970 &+ count)
    }
}
