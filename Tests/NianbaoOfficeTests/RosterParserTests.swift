import Testing
import NianbaoEngine
import NianbaoOffice

@Suite("Office: roster file")
struct RosterParserTests {
    @Test func readsTheExcelSavedCityRoster() throws {
        let roster = try OfficeFixtures.cityRoster()
        #expect(roster.entries.count == 40)
        let first = try #require(roster.entries.first)
        #expect(first.name == "淮安市人民政府" && first.level == .prefecture && first.folder == "shi" && first.line == 2)
        let zone = try #require(roster.entries.first { $0.name == "淮安经济技术开发区管理委员会" })
        #expect(zone.aliases == ["淮安经开区管委会", "淮安经济技术开发区"])
        #expect(zone.level == .department)
        let tax = try #require(roster.entries.first { $0.name == "国家税务总局淮安市税务局" })
        #expect(tax.level == .province)
        #expect(tax.deadline(forReportYear: 2024) == CivilDate(year: 2025, month: 3, day: 31))
        #expect(roster.entries.filter { $0.level == .county }.count == 7)
        #expect(roster.entries.last?.line == 41)
        #expect(roster.entries.allSatisfy { !$0.name.contains("\r") && !$0.name.hasPrefix("\u{FEFF}") })
    }

    @Test func levelsInChineseMapToDeadlineClasses() throws {
        let text = """
        name,level,folder,aliases
        某局,部门,,
        某镇人民政府,乡镇,,
        某街道办事处,街道,,
        某县人民政府,县区政府,,
        某市人民政府,地市政府,,
        某省人民政府,省级,,
        某市税务局,垂直管理,,
        某区教育局,,,
        """
        let levels = try RosterParser.parse(text).entries.map(\.level)
        #expect(levels == [.department, .department, .department, .county, .prefecture, .province, .province, .department])
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let text = "name,level,folder,aliases\n\"某市\"\"阳光\"\"服务中心, 分中心\",部门,\"a/b/\",\"甲|乙,丙\"\n\n,,,\n某局,部门\n"
        let roster = try RosterParser.parse(text)
        #expect(roster.entries.count == 2)
        #expect(roster.entries[0].name == "某市\"阳光\"服务中心, 分中心")
        #expect(roster.entries[0].folder == "a/b")
        #expect(roster.entries[0].aliases == ["甲", "乙,丙"])
        #expect(roster.entries[1].line == 5)
    }

    @Test(arguments: [
        ("名称,级别\n某局,部门\n", 1, "roster line 1: the header must be \"name,level,folder,aliases\" (folder and aliases may be left out): 名称,级别"),
        ("name,level\n某局,部门\n某局,部门\n", 3, "roster line 3: \"某局\" is already on the roster at line 2: 某局,部门"),
        ("name,level,folder,aliases\n洪泽区人民政府,县区政府,,\n洪泽区 政府,县区政府,,\n", 3, "roster line 3: \"洪泽区 政府\" is already on the roster at line 2: 洪泽区 政府,县区政府,,"),
        ("name,level,folder,aliases\n甲局,部门,,乙局\n乙局,部门,,\n", 3, "roster line 3: \"乙局\" is already on the roster at line 2: 乙局,部门,,"),
        ("name,level,folder,aliases\n甲局,部门,,\n乙局,部门,,甲局\n", 3, "roster line 3: the alias \"甲局\" is already a name or alias at line 2: 乙局,部门,,甲局"),
        ("name,level,folder,aliases\n某局,县级,,\n", 2, "roster line 2: unknown level \"县级\" (use one of 部门, 乡镇, 街道, 县区政府, 地市政府, 省级, 垂直管理): 某局,县级,,"),
        ("name,level,folder,aliases\n,部门,,别名\n", 2, "roster line 2: the name is empty: ,部门,,别名"),
        ("name,level,folder,aliases\n某某委员会办公楼,,,\n", 2, "roster line 2: the level is empty and cannot be told from the name (use one of 部门, 乡镇, 街道, 县区政府, 地市政府, 省级, 垂直管理): 某某委员会办公楼,,,"),
        ("name,level,folder,aliases\n某局,部门,,,多余\n", 2, "roster line 2: 5 fields; the roster has at most 4 (name, level, folder, aliases): 某局,部门,,,多余"),
        ("name,level\n某局,部门\n\"未闭合,部门\n", 3, "roster line 3: a quoted field is never closed: \"未闭合,部门"),
    ])
    func errorsNameTheLineAndQuoteIt(text: String, line: Int, message: String) {
        #expect {
            try RosterParser.parse(text)
        } throws: { error in
            guard let error = error as? RosterError else { return false }
            return error.line == line && error.description == message
        }
    }

    @Test func anEmptyFileIsRefused() {
        #expect(throws: RosterError(.empty, line: 1, text: "")) { try RosterParser.parse("\u{FEFF}") }
    }
}

@Suite("Office: compatibility ideographs in names")
struct RosterCompatibilityTests {
    @Test func kangxiRadicalNameIsTheSameAgency() throws {
        let text = "name,level\n淮安市⼈⺠政府,地市政府\n淮安市人民政府,地市政府\n"
        #expect(throws: RosterError.self) { try RosterParser.parse(text) }
        let roster = try RosterParser.parse("name,level\n淮安市人民政府,地市政府\n")
        #expect(AgencyMatcher(roster: roster).match("淮安市⼈⺠政府").entry?.name == "淮安市人民政府")
        #expect(AgencyName.key("淮安市⼈⺠政府") == AgencyName.key("淮安市人民政府"))
    }
}
