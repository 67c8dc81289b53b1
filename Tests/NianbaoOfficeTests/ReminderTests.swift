import Testing
import NianbaoEngine
import NianbaoOffice

@Suite("Office: deadline reminders")
struct ReminderTests {
    private func status(today: CivilDate, missing: Set<String>) -> YearStatus {
        let roster = Roster(entries: ["甲局", "乙局", "丙局", "丁局"].map { RosterEntry(name: "淮安市\($0)", level: .department) })
        let reports = roster.entries.filter { !missing.contains($0.name) }.map {
            CityYear.report($0.name, .pass, "\($0.name).pdf", "2025-01-05T01:00:00Z")
        }
        return YearStatus.compute(year: 2024, roster: roster, reports: reports, today: today)
    }

    @Test func theMessageOfTheIssue() {
        let reminder = Reminder(status: status(today: CivilDate(year: 2025, month: 1, day: 29), missing: ["淮安市甲局", "淮安市丙局"]))
        #expect(reminder.message == "2024 年度报告：4 家应报，2 家已报，2 家未报（截止 2025-01-31，剩 2 天）：淮安市甲局、淮安市丙局")
        #expect(reminder.priority == .warning && reminder.priority.rawValue == 4)
    }

    @Test(arguments: [
        (CivilDate(year: 2025, month: 1, day: 20), SyslogPriority.info, "剩 11 天"),
        (CivilDate(year: 2025, month: 1, day: 27), .info, "剩 4 天"),
        (CivilDate(year: 2025, month: 1, day: 28), .warning, "剩 3 天"),
        (CivilDate(year: 2025, month: 1, day: 31), .warning, "剩 0 天"),
        (CivilDate(year: 2025, month: 2, day: 1), .err, "逾期 1 天"),
        (CivilDate(year: 2025, month: 3, day: 1), .err, "逾期 29 天"),
    ])
    func priorityRisesAsTheDeadlineNears(today: CivilDate, priority: SyslogPriority, due: String) {
        let reminder = Reminder(status: status(today: today, missing: ["淮安市乙局"]))
        #expect(reminder.priority == priority)
        #expect(reminder.message.contains("（截止 2025-01-31，\(due)）：淮安市乙局"))
    }

    @Test func nothingMissingIsInfoEvenAfterTheDeadline() {
        let reminder = Reminder(status: status(today: CivilDate(year: 2025, month: 2, day: 10), missing: []))
        #expect(reminder.priority == .info)
        #expect(reminder.message == "2024 年度报告：4 家应报，4 家已报，0 家未报")
    }

    @Test func eachEntryKeepsItsOwnDeadline() throws {
        let reminder = Reminder(status: YearStatus.compute(year: 2024, roster: try OfficeFixtures.cityRoster(), reports: CityYear.reports, today: CityYear.today))
        #expect(reminder.message == "2024 年度报告：40 家应报，35 家已报，5 家未报（截止 2025-01-31，逾期 18 天）：淮安市数据局、淮安市信访局；（截止 2025-02-20，剩 2 天）：盱眙县人民政府；（截止 2025-03-10，剩 20 天）：淮安市人民政府；（截止 2025-03-31，剩 41 天）：淮安市气象局")
        #expect(reminder.priority == .err)
        #expect(reminder.groups.map(\.agencies.count) == [2, 1, 1, 1])
    }

    @Test func aCountyWarnsWhileDepartmentsAreAllIn() throws {
        let roster = try OfficeFixtures.cityRoster()
        let reports = roster.entries.filter { $0.name != "盱眙县人民政府" }.map { CityYear.report($0.name, .pass, "\($0.line).pdf", "2025-01-05T01:00:00Z") }
        let reminder = Reminder(status: YearStatus.compute(year: 2024, roster: roster, reports: reports, today: CivilDate(year: 2025, month: 2, day: 18)))
        #expect(reminder.priority == .warning)
        #expect(reminder.message == "2024 年度报告：40 家应报，39 家已报，1 家未报（截止 2025-02-20，剩 2 天）：盱眙县人民政府")
    }

    @Test(arguments: [
        (CivilDate(year: 2024, month: 12, day: 31), [Int]()),
        (CivilDate(year: 2025, month: 1, day: 1), [2024]),
        (CivilDate(year: 2025, month: 5, day: 30), [2024]),
        (CivilDate(year: 2025, month: 5, day: 31), []),
    ])
    func yearsInProgressWithoutARoster(today: CivilDate, years: [Int]) {
        #expect(Reminder.yearsInProgress(today: today, roster: nil) == years)
    }

    @Test func yearsInProgressFollowTheRostersLatestLevel() throws {
        let departments = Roster(entries: [RosterEntry(name: "淮安市甲局", level: .department)])
        #expect(Reminder.yearsInProgress(today: CivilDate(year: 2025, month: 4, day: 1), roster: departments) == [2024])
        #expect(Reminder.yearsInProgress(today: CivilDate(year: 2025, month: 4, day: 2), roster: departments) == [])
        let city = try OfficeFixtures.cityRoster()
        #expect(Reminder.yearsInProgress(today: CivilDate(year: 2025, month: 5, day: 30), roster: city) == [2024])
        #expect(Reminder.yearsInProgress(today: CivilDate(year: 2025, month: 2, day: 1), roster: departments, graceDays: 400) == [2023, 2024])
    }
}
