import Foundation
import Testing
import NianbaoEngine
import NianbaoOffice

@Suite("Office: arrival times")
struct DateTests {
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
