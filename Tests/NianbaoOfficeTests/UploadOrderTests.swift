import NianbaoEngine
import NianbaoOffice
import Testing

/// Issue 20: which of an agency's uploads counts follows the journal's order, not
/// the wall clock; the arrival is the content's first arrival.
@Suite struct UploadOrderTests {
    @Test func afterTheClockStepsBackTheCorrectedResubmissionStillCounts() {
        // The corrected upload came later (order 12) but the clock had been set back a day.
        var failing = CityYear.report("淮安市商务局", .fail, "first.pdf", "2025-02-10T01:00:00Z")
        failing.order = 5
        var corrected = CityYear.report("淮安市商务局", .pass, "corrected.pdf", "2025-02-09T03:00:00Z")
        corrected.order = 12
        let status = YearStatus.compute(year: 2024, roster: nil, reports: [failing, corrected], today: CityYear.today)
        let line = status.agencies.first
        #expect(line?.file == "reports/corrected.pdf" && line?.state == .pass)
        #expect(line?.earlierFiles == ["reports/first.pdf"])
    }

    @Test func recordsWithoutOrderFallBackToArrivalTime() {
        let older = CityYear.report("淮安市商务局", .fail, "a.pdf", "2025-02-01T01:00:00Z")
        var newer = CityYear.report("淮安市商务局", .pass, "b.pdf", "2025-02-02T01:00:00Z")
        newer.order = 1
        let status = YearStatus.compute(year: 2024, roster: nil, reports: [older, newer], today: CityYear.today)
        #expect(status.agencies.first?.file == "reports/b.pdf")
    }
}
