import Foundation
import Testing
import NianbaoEngine

/// The one day arithmetic of `CivilDate`, used by the office (deadlines, late days)
/// and the views (clock, countdowns).
@Suite("Engine: civil date day arithmetic")
struct CivilDateDaysTests {
    @Test func dayNumbersRoundTripAndAgreeWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // From 1600 on: Foundation's Gregorian calendar turns Julian before 1582-10-15.
        for days in stride(from: -135_000, through: 800_000, by: 97) {
            let date = CivilDate(daysSince1970: days)
            #expect(date.isValid && date.daysSince1970 == days)
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            #expect(parts.year == date.year && parts.month == date.month && parts.day == date.day, "\(days)")
        }
    }

    @Test func daysBetweenAndAdding() {
        #expect(CivilDate(year: 2024, month: 2, day: 28).adding(days: 1) == CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate(year: 2023, month: 2, day: 28).adding(days: 1) == CivilDate(year: 2023, month: 3, day: 1))
        #expect(CivilDate(year: 2025, month: 2, day: 18).days(to: CivilDate(year: 2025, month: 1, day: 31)) == -18)
        #expect(CivilDate(year: 1970, month: 1, day: 1).daysSince1970 == 0)
        #expect(CivilDate(year: 1969, month: 12, day: 31).daysSince1970 == -1)
    }

    @Test func deadlinesFollowTheLevel() {
        #expect(AgencyLevel.department.deadline(forReportYear: 2023) == CivilDate(year: 2024, month: 1, day: 31))
        #expect(AgencyLevel.county.deadline(forReportYear: 2023) == CivilDate(year: 2024, month: 2, day: 20))
        #expect(AgencyLevel.prefecture.deadline(forReportYear: 2023) == CivilDate(year: 2024, month: 3, day: 10))
        #expect(AgencyLevel.province.deadline(forReportYear: 2023) == CivilDate(year: 2024, month: 3, day: 31))
        #expect(AgencyLevel.province.deadline(forReportYear: Int.max).year == Int.max)
    }
}
