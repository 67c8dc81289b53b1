import Testing
import NianbaoEngine
import NianbaoTestSupport

/// The parser against every real sample: identity, sections, template and specific cells.
@Suite struct ParsingSampleTests {
    private func location(_ document: SourceDocument, _ line: Int?) -> String? {
        guard let line, line >= 0, line < document.lines.count else { return nil }
        return document.lines[line].location
    }

    @Test func sample000OneCellPerLine() throws {
        let document = try ParserFixtures.document("000_fb640ca0b162b3d7.txt")
        let report = ReportEngine().parse(document)
        #expect(report.title == "聊城市商务和投资促进局2021年政府信息公开工作年度报告")
        #expect(report.agency == "聊城市商务和投资促进局")
        #expect(report.year == 2021)
        #expect(report.template == .t2021)
        #expect(report.signed == CivilDate(year: 2022, month: 1, day: 10))
        #expect(location(document, report.signedLine) == "第 403 行")
        #expect(report.published == nil)
        #expect(report.sections.map(\.kind) == SectionKind.allCases)
        let table2 = try #require(report.table2)
        #expect(table2.rows.count == 25)
        let thirdParty = try #require(table2[.withheldThirdParty, .naturalPerson])
        #expect(thirdParty.count == 2)
        #expect(location(document, thirdParty.line) == "第 149 行")
        #expect(location(document, table2.rowLines[.withheldThirdParty]) == "第 148 行")
        #expect(table2[.total, .total]?.count == 2)
        #expect(table2[.received, .commercial]?.count == 0)
        #expect(report.table3?.cells.count == 15)
        let block1 = try #require(report.table1?.blocks.first)
        #expect(block1.item == 1 && block1.columns == ["本年制发件数", "本年废止件数", "现行有效件数"])
        #expect(report.table1?.blocks.map(\.item) == [1, 5, 6, 8])
        #expect(report.table1?.blocks[1].rows.first?.cells.first?.count == 2)
        #expect(report.parseFindings.isEmpty)
    }

    @Test func sample001TabRowsWithExtraColumns() throws {
        let document = try ParserFixtures.document("001_53afeb125be3f4fc.txt")
        let report = ReportEngine().parse(document)
        #expect(report.title == "市商务局2021年政府信息公开工作年度报告")
        #expect(report.agency == "市商务局")
        #expect(report.year == 2021)
        #expect(report.template == .t2021)
        #expect(report.sections.map(\.kind) == SectionKind.allCases)
        let table2 = try #require(report.table2)
        #expect(table2.rows.count == 25)
        #expect(table2.rows.values.allSatisfy { $0.count == 7 })
        #expect(table2[.otherOther, .total]?.count == 0)
        #expect(location(document, table2.rowLines[.total]) == "第 75 行")
        let extra = report.parseFindings.filter { $0.code == .extraColumnsIgnored }
        #expect(extra.count == 1)
        #expect(extra.first?.severity == .info)
        #expect(!report.parseFindings.contains { $0.code == .tableUnreadable })
        let block1 = try #require(report.table1?.blocks.first)
        #expect(block1.rows.map(\.label) == ["规章", "行政规范性文件"])
        #expect(block1.rows.last?.cells.map(\.count) == [0, 0, 7])
        #expect(report.table1?.blocks[1].rows.first?.cells.map(\.count) == [184])
        #expect(report.table3?.cells.count == 15)
        // Markdown heading marks do not leak into the previous section's text.
        #expect(report.section(.overview)?.text.hasSuffix("理解。") == true)
    }

    @Test func sample002PDFLostCharacters() throws {
        let document = try ParserFixtures.document("002_c2173b29a2f695bc.txt")
        let report = ReportEngine().parse(document)
        #expect(report.title == "烟台市芝罘区商务局 2020 年政府信息公开工作年度报告")
        #expect(report.agency == "烟台市芝罘区商务局")
        #expect(report.year == 2020)
        #expect(report.published == CivilDate(year: 2021, month: 1, day: 28))
        #expect(location(document, report.publishedLine) == "第 2 行")
        #expect(report.template == .t2019)
        #expect(report.sections.map(\.kind) == SectionKind.allCases)
        let table2 = try #require(report.table2)
        #expect(table2.rows.count == 23)
        #expect(table2.hasSingleOtherRow)
        // "()不予公开" and "4.护第三方合法权益" still land on their rows.
        #expect(location(document, table2.rowLines[.withheldStateSecret]) == "第 228 行")
        #expect(location(document, table2.rowLines[.withheldThirdParty]) == "第 276 行")
        #expect(location(document, table2.rowLines[.withheldProcess]) == "第 308 行")
        #expect(location(document, table2.rowLines[.notProcessedConfirmation]) == "第 472 行")
        #expect(report.table1?.blocks.map(\.item) == [1, 5, 6, 8, 9])
        #expect(report.table3?.cells.count == 15)
        let repaired = report.parseFindings.filter { $0.code == .textRepaired }
        #expect(repaired.count == 1)
        #expect(repaired.first?.message.contains("“()不予公开”按含义识别为（三）") == true)
        #expect(repaired.first?.location == "第 224 行")
    }

    @Test func sample003TitleOnTwoLines() throws {
        let document = try ParserFixtures.document("003_458875e39d02c745.txt")
        let report = ReportEngine().parse(document)
        #expect(report.title == "昌乐县商务局2023年政府信息公开工作年度报告")
        #expect(report.titleLine == 0)
        #expect(report.agency == "昌乐县商务局")
        #expect(report.year == 2023)
        #expect(report.template == .t2021)
        #expect(report.signed == CivilDate(year: 2024, month: 1, day: 19))
        let sections = report.sections
        #expect(sections.map(\.kind) == SectionKind.allCases)
        // "第二十条第（二）款要求，主动公开…" inside 总体情况 is not section 二.
        #expect(location(document, report.section(.proactiveDisclosure)?.headingLine) == "第 15 行")
        #expect(location(document, report.section(.reviewAndLitigation)?.headingLine) == "第 352 行")
        let table2 = try #require(report.table2)
        #expect(table2.rows.count == 25)
        // The bookmark before "一、本年新收" is gone and the row is found.
        #expect(location(document, table2.rowLines[.received]) == "第 84 行")
        #expect(location(document, table2.rowLines[.notProcessedConfirmation]) == "第 289 行")
        #expect(report.table3?.cells.count == 15)
    }

    @Test func hongze2023SpaceSeparatedPDF() throws {
        let document = try ParserFixtures.document("huaian_hongze_2023.txt")
        let report = ReportEngine().parse(document)
        #expect(report.title == "洪泽区人民政府2023 年政府信息公开工作年度报告")
        #expect(report.agency == "洪泽区人民政府")
        #expect(report.year == 2023)
        #expect(report.template == .t2021)
        #expect(report.sections.map(\.kind) == SectionKind.allCases)
        let table2 = try #require(report.table2)
        #expect(table2.rows.count == 23)
        #expect(table2.hasSingleOtherRow)
        #expect(table2[.partlyDisclosed, .naturalPerson]?.count == 4)
        #expect(location(document, table2[.partlyDisclosed, .naturalPerson]?.line) == "第 87 行")
        #expect(table2[.unavailableNotHeld, .total]?.count == 10)
        #expect(table2[.total, .naturalPerson]?.count == 21)
        let fee = report.table1?.blocks.last?.rows.first?.cells.first
        #expect(fee?.value == .amount(7730.28))
        let table3 = try #require(report.table3)
        #expect(table3[.review, .upheld]?.count == 10)
        #expect(table3[.review, .corrected]?.count == 1)
        #expect(table3[.suitAfterReview, .upheld]?.count == 5)
        #expect(location(document, table3[.review, .upheld]?.line) == "第 131 行")
    }

    @Test func hongze2024Table3() throws {
        let document = try ParserFixtures.document("huaian_hongze_2024.txt")
        let report = ReportEngine().parse(document)
        #expect(report.agency == "淮安市洪泽区人民政府")
        #expect(report.year == 2024)
        let table3 = try #require(report.table3)
        #expect(table3.cells.compactMap(\.count) == [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3])
        #expect(table3[.suitAfterReview, .total]?.count == 3)
        let table2 = try #require(report.table2)
        // "（四）无法提供 1.本机关不掌握…" on one line.
        #expect(table2[.unavailableNotHeld, .naturalPerson]?.count == 31)
        #expect(location(document, table2.rowLines[.unavailableNotHeld]) == "第 98 行")
        #expect(table2[.unavailableNeedsCreation, .naturalPerson]?.count == 1)
        #expect(table2[.received, .total]?.count == 95)
    }

    @Test func shanghaiBlankCells() throws {
        let document = try ParserFixtures.document("shanghai_shizhengfu_bangongting_2019.txt")
        let report = ReportEngine().parse(document)
        #expect(report.title == "2019年上海市人民政府办公厅政府信息公开工作年度报告")
        #expect(report.agency == "上海市人民政府办公厅")
        #expect(report.year == 2019)
        #expect(report.published == CivilDate(year: 2020, month: 1, day: 31))
        #expect(report.template == .t2019)
        #expect(report.sections.map(\.kind) == SectionKind.allCases)
        // The analyst notes after "-----" are not part of section 六.
        #expect(report.section(.otherMatters)?.text == "无。")
        let table2 = try #require(report.table2)
        #expect(table2.rows.count == 23)
        #expect(table2[.received, .naturalPerson]?.count == 821)
        #expect(table2[.received, .research]?.value == .blank)
        #expect(table2[.disclosed, .total]?.value == .blank)
        #expect(table2[.withheldLawForbids, .naturalPerson]?.value == .blank)
        #expect(table2[.total, .total]?.count == 805)
        #expect(table2[.carriedForward, .total]?.count == 72)
        let table3 = try #require(report.table3)
        #expect(table3[.review, .upheld]?.count == 5)
        #expect(table3[.review, .corrected]?.value == .blank)
        #expect(table3[.suitDirect, .total]?.count == 9)
        let purchase = report.table1?.blocks.last
        #expect(purchase?.item == 9)
        #expect(purchase?.rows.first?.cells.map(\.value) == [.number(6), .amount(251000)])
    }

    @Test func pingtanNumbersRunTogether() throws {
        let document = try ParserFixtures.document("pingtan_2021.txt")
        let report = ReportEngine().parse(document)
        #expect(report.title == "平潭综合实验区2021年度政府信息公开工作年度报告")
        #expect(report.agency == "平潭综合实验区")
        #expect(report.year == 2021)
        #expect(report.published == CivilDate(year: 2022, month: 2, day: 8))
        #expect(report.sections.map(\.kind) == SectionKind.allCases)
        #expect(report.section(.overview)?.text.hasPrefix("2021年，我区") == true)
        #expect(report.table1 == nil && report.table2 == nil && report.table3 == nil)
        let unreadable = report.parseFindings.filter { $0.code == .tableUnreadable }
        #expect(unreadable.count == 3)
        #expect(unreadable.allSatisfy { $0.message.contains("连在一起") })
        #expect(unreadable.contains { $0.message.hasPrefix("表二") && $0.message.contains("640020470") })
    }
}
