import Foundation
import Testing
import NianbaoEngine
import NianbaoOffice

@Suite("Office: dates and arrival times")
struct DateTests {
    @Test func dayNumbersRoundTripAndAgreeWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // From 1697 on: Foundation's Gregorian calendar turns Julian before 1582-10-15.
        for days in stride(from: -99_000, through: 800_000, by: 997) {
            let date = CivilDate(daysSince1970: days)
            #expect(date.isValid && date.daysSince1970 == days)
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            #expect(parts.year == date.year && parts.month == date.month && parts.day == date.day, "\(days)")
        }
        #expect(CivilDate(year: 2024, month: 2, day: 28).adding(days: 1) == CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate(year: 2025, month: 2, day: 18).days(to: CivilDate(year: 2025, month: 1, day: 31)) == -18)
    }

    @Test(arguments: [
        ("2025-01-30T02:15:07.123Z", "2025-01-30T02:15:07.123Z"),
        ("2025-01-30T10:15:07+08:00", "2025-01-30T02:15:07Z"),
        ("2025-01-30 10:15:07+0800", "2025-01-30T02:15:07Z"),
        ("2025-01-30T02:15Z", "2025-01-30T02:15:00Z"),
        ("1969-12-31T23:59:59.5Z", "1969-12-31T23:59:59.500Z"),
    ])
    func isoTimesAreRead(text: String, canonical: String) throws {
        let arrival = try #require(Arrival(iso8601: text))
        #expect(arrival.iso == canonical)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = canonical.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        let foundation = try #require(formatter.date(from: canonical))
        #expect(abs(Double(arrival.milliseconds) / 1000 - foundation.timeIntervalSince1970) < 0.001)
    }

    @Test(arguments: ["2025-01-30T02:15:07", "2025-02-30T02:15:07Z", "2025-01-30", "yesterday", "2025-01-30T02:15:07Zjunk", ""])
    func badTimesAreRefused(_ text: String) {
        #expect(Arrival(iso8601: text) == nil)
    }

    @Test func theCalendarDateDependsOnTheOffice() throws {
        let arrival = try #require(Arrival(iso8601: "2025-01-31T17:30:00Z"))
        #expect(arrival.date(utcOffsetSeconds: 0) == CivilDate(year: 2025, month: 1, day: 31))
        #expect(arrival.date(utcOffsetSeconds: YearStatus.chinaStandardTime) == CivilDate(year: 2025, month: 2, day: 1))
        #expect(Arrival(seconds: 1_738_344_600).iso == "2025-01-31T17:30:00Z")
        #expect(Arrival(seconds: .nan).milliseconds == 0)
        let decoded = try JSONDecoder().decode([Arrival].self, from: Data(#"[1738344600, "2025-01-31T17:30:00Z"]"#.utf8))
        #expect(decoded[0] == decoded[1])
    }
}
