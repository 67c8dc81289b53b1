import Testing
import NianbaoEngine
import NianbaoOffice
import NianbaoTestSupport

/// Hostile input never traps: the roster parser either reads or throws `RosterError`,
/// matching and time parsing return an answer for anything.
@Suite("Office: robustness")
struct RobustnessTests {
    static let alphabet: [Character] = Array(",\"|\r\n \u{FEFF}\u{3000}ａ１（）局市区县人民政府部门乡镇县区政府省级垂直管理name,level,folder,aliases/")

    @Test func mutatedRostersParseOrThrowWithALine() throws {
        let base = try OfficeFixtures.text("roster/huaian-city.csv")
        var generator = SeededGenerator(state: 12)
        for _ in 0..<400 {
            var characters = Array(base)
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let at = Int.random(in: 0..<characters.count, using: &generator)
                if Bool.random(using: &generator) {
                    characters[at] = Self.alphabet.randomElement(using: &generator)!
                } else {
                    characters.remove(at: at)
                }
            }
            do {
                let roster = try RosterParser.parse(String(characters))
                #expect(roster.entries.allSatisfy { !AgencyName.fold($0.name).isEmpty && $0.line >= 2 })
                let matcher = AgencyMatcher(roster: roster)
                _ = matcher.match(String(characters.prefix(12)))
            } catch {
                #expect(error.line >= 1 && error.description.hasPrefix("roster"))
            }
        }
    }

    @Test func anyTextMatchesOrNot() throws {
        let matcher = AgencyMatcher(roster: try OfficeFixtures.cityRoster())
        var generator = SeededGenerator(state: 7)
        for _ in 0..<2000 {
            let name = String((0..<Int.random(in: 0...10, using: &generator)).map { _ in Self.alphabet.randomElement(using: &generator)! })
            switch matcher.match(name) {
            case .matched, .unmatched: break
            case .ambiguous(let entries): #expect(entries.count >= 2)
            }
            _ = Arrival(iso8601: name)
        }
    }

    @Test func extremeTimesAndYearsDoNotTrap() {
        for milliseconds in [Int64.min, Int64.min + 1, -1, 0, Int64.max] {
            let arrival = Arrival(milliseconds: milliseconds)
            _ = arrival.iso
            _ = arrival.date(utcOffsetSeconds: Int.max)
            _ = arrival.date(utcOffsetSeconds: YearStatus.chinaStandardTime)
        }
        for year in [Int.min, -1, 0, Int.max] {
            let status = YearStatus.compute(year: year, roster: Roster(entries: [RosterEntry(name: "淮安市甲局", level: .department)]),
                                            reports: [], today: CivilDate(year: 2025, month: 1, day: 1))
            #expect(status.missing == ["淮安市甲局"])
            _ = Reminder(status: status).message
        }
    }
}
