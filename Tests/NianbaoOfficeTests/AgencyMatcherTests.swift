import Testing
import NianbaoEngine
import NianbaoOffice

@Suite("Office: agency name matching")
struct AgencyMatcherTests {
    /// The roster an office would type for the agencies of the sample reports, plus neighbours
    /// whose names overlap theirs.
    static let roster = Roster(entries: [
        RosterEntry(name: "聊城市 商务和投资促进局", level: .department),
        RosterEntry(name: "洛阳市商务局", level: .department),
        RosterEntry(name: "芝罘区商务局", level: .department),
        RosterEntry(name: "潍坊市昌乐县商务局", level: .department),
        RosterEntry(name: "淮安市人民政府", level: .prefecture),
        RosterEntry(name: "淮安市洪泽区人民政府", level: .county),
        RosterEntry(name: "淮安市洪泽区人民政府办公室", level: .department),
        RosterEntry(name: "上海市政府办公厅", level: .department),
        RosterEntry(name: "平潭综合实验区管理委员会", level: .department, aliases: ["平潭综合实验区"]),
        RosterEntry(name: "聊城市第1人民医院", level: .department),
    ])

    /// (agency as the report gives it, roster name expected, deciding tier).
    static let realForms: [(String, String, MatchTier)] = [
        ("聊城市商务和投资促进局", "聊城市 商务和投资促进局", .normalised),   // 000: roster typed with a space
        ("市商务局", "洛阳市商务局", .suffix),                               // 001: title omits the city
        ("烟台市芝罘区商务局", "芝罘区商务局", .suffix),                      // 002: roster omits the city
        ("昌乐县商务局", "潍坊市昌乐县商务局", .suffix),                      // 003: title omits the city
        ("洪泽区人民政府", "淮安市洪泽区人民政府", .suffix),                  // 洪泽 2023 title
        ("淮安市洪泽区人民政府", "淮安市洪泽区人民政府", .exact),             // 洪泽 2024 title
        ("上海市人民政府办公厅", "上海市政府办公厅", .normalised),            // 上海: 人民政府 vs 政府
        ("平潭综合实验区", "平潭综合实验区管理委员会", .alias),               // 平潭: alias
        ("洪泽区", "淮安市洪泽区人民政府", .suffix),                          // no 人民政府 and no city
        ("洪泽区政府", "淮安市洪泽区人民政府", .suffix),
        ("淮安市洪泽区政府办公室", "淮安市洪泽区人民政府办公室", .normalised), // 政府办公室 vs 人民政府办公室
        ("洪泽区人民政府办公室", "淮安市洪泽区人民政府办公室", .suffix),
        ("淮安市洪泽区 人民政府", "淮安市洪泽区人民政府", .normalised),       // a space from a two-line title
        ("淮安市洪泽区人民政府　", "淮安市洪泽区人民政府", .normalised),      // full-width space
        ("聊城市第１人民医院", "聊城市第1人民医院", .normalised),             // full-width digit
        ("江苏省淮安市人民政府", "淮安市人民政府", .suffix),                  // province prefix added
        ("上海市人民政府办公厅（市政府信息公开办公室）", "上海市政府办公厅", .containment),
    ]

    @Test func theSamplesGiveTheseAgencyNames() throws {
        let names = try ["000_fb640ca0b162b3d7.txt", "001_53afeb125be3f4fc.txt", "002_c2173b29a2f695bc.txt", "003_458875e39d02c745.txt",
                         "huaian_hongze_2024.txt", "shanghai_shizhengfu_bangongting_2019.txt", "pingtan_2021.txt"]
            .map { try OfficeFixtures.report($0).agency }
        #expect(names == ["聊城市商务和投资促进局", "市商务局", "烟台市芝罘区商务局", "昌乐县商务局",
                          "淮安市洪泽区人民政府", "上海市人民政府办公厅", "平潭综合实验区"])
    }

    @Test func realTitleFormsMatchTheRosterForm() {
        let matcher = AgencyMatcher(roster: Self.roster)
        for (agency, expected, tier) in Self.realForms {
            let (match, decidedBy) = matcher.matchWithTier(agency)
            #expect(match.entry?.name == expected, "\(agency)")
            #expect(decidedBy == tier, "\(agency)")
        }
    }

    @Test func everySampleReportMatchesItsEntry() throws {
        let matcher = AgencyMatcher(roster: Self.roster)
        for name in OfficeFixtures.sampleNames {
            let agency = try #require(try OfficeFixtures.report(name).agency, "\(name)")
            #expect(matcher.match(agency).entry != nil, "\(name): \(agency)")
        }
    }

    @Test func neverGuessesBetweenTwo() {
        let roster = Roster(entries: [
            RosterEntry(name: "洛阳市商务局", level: .department),
            RosterEntry(name: "淮安市商务局", level: .department),
            RosterEntry(name: "淮安市财政局", level: .department),
            RosterEntry(name: "淮安经济技术开发区财政局", level: .department),
        ])
        let matcher = AgencyMatcher(roster: roster)
        #expect(matcher.match("市商务局") == .ambiguous([roster.entries[0], roster.entries[1]]))
        #expect(matcher.match("财政局") == .ambiguous([roster.entries[2], roster.entries[3]]))
        #expect(matcher.match("淮安市商务局").entry == roster.entries[1])
        #expect(matcher.match("开发区财政局").entry == roster.entries[3])
    }

    @Test func strongerTiersWinBeforeAmbiguity() {
        let roster = Roster(entries: [
            RosterEntry(name: "洛阳市商务局", level: .department),
            RosterEntry(name: "淮安市商务局", level: .department, aliases: ["市商务局"]),
        ])
        let (match, tier) = AgencyMatcher(roster: roster).matchWithTier("市商务局")
        #expect(match.entry?.name == "淮安市商务局" && tier == .alias)
    }

    @Test(arguments: ["务局", "局", "", "  ", "淮安市", "淮安市清江浦区人民政府", "宿迁市商务局", "淮安市洪泽区教育局"])
    func namesThatMustNotMatch(_ agency: String) {
        let roster = Roster(entries: [
            RosterEntry(name: "洛阳市商务局", level: .department),
            RosterEntry(name: "淮安市洪泽区人民政府", level: .county),
            RosterEntry(name: "淮安市商务局", level: .department),
        ])
        #expect(AgencyMatcher(roster: roster).match(agency) == .unmatched, "\(agency)")
    }

    @Test func aCityGovernmentDoesNotSwallowItsDistricts() {
        let roster = Roster(entries: [
            RosterEntry(name: "淮安市人民政府", level: .prefecture),
            RosterEntry(name: "淮安市人民政府办公室", level: .department),
        ])
        let matcher = AgencyMatcher(roster: roster)
        #expect(matcher.match("淮安市洪泽区人民政府") == .unmatched)
        #expect(matcher.match("淮安市政府") .entry?.name == "淮安市人民政府")
        #expect(matcher.match("市政府办公室").entry?.name == "淮安市人民政府办公室")
    }

    @Test func theDeepestFolderHoldsAFile() throws {
        let roster = try OfficeFixtures.cityRoster()
        let matcher = AgencyMatcher(roster: roster)
        #expect(matcher.entry(holding: "kaifaqu/caizheng/2024.pdf")?.name == "淮安经济技术开发区财政局")
        #expect(matcher.entry(holding: "kaifaqu/2024.pdf")?.name == "淮安经济技术开发区管理委员会")
        #expect(matcher.entry(holding: "kaifaqu-old/2024.pdf") == nil)
        #expect(matcher.entry(holding: "xuyi.pdf") == nil)
    }
}
