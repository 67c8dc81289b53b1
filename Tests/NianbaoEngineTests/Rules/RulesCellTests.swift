import Testing
@testable import NianbaoEngine
import NianbaoTestSupport

@Suite("Rules: table rows and cells")
struct RulesCellTests {
    @Test func textCellIsNotANumberAndSkipsItsSums() {
        let report = BuiltReport.setting(BuiltReport.clean(), .disclosed, .naturalPerson, .text("两"), raw: "两")
        #expect(BuiltReport.codes(report) == [.cellNotNumber])
    }

    @Test func negativeCountIsReported() {
        var report = BuiltReport.setting(BuiltReport.clean(), .withheldStateSecret, .naturalPerson, -1)
        report = BuiltReport.setting(report, .withheldStateSecret, .total, -1)
        report = BuiltReport.setting(report, .withheldLawForbids, .naturalPerson, 1)
        report = BuiltReport.setting(report, .withheldLawForbids, .total, 1)
        #expect(BuiltReport.codes(report) == [.negativeCount])
    }

    @Test func missingRowIsReported() {
        var report = BuiltReport.clean()
        report.table2?.rows[.withheldQuery] = nil
        #expect(BuiltReport.codes(report) == [.rowMissing])
    }

    @Test func shortRowIsReported() {
        var report = BuiltReport.clean()
        report.table2?.rows[.disclosed]?.removeLast()
        #expect(BuiltReport.codes(report) == [.cellMissing])
    }

    @Test func shortTable3IsReported() {
        var report = BuiltReport.clean()
        report.table3?.cells.removeLast(5)
        #expect(BuiltReport.codes(report) == [.cellMissing])
    }

    @Test func table1NegativeAllowedOnlyInIncreaseColumn() {
        var report = BuiltReport.clean()
        report.year = 2020
        report.title = "某市某局2020年政府信息公开工作年度报告"
        report.signed = CivilDate(year: 2021, month: 1, day: 20)
        report.table1 = BuiltReport.table1(template: .t2019)
        report.table2 = BuiltReport.table2(template: .t2019)
        #expect(BuiltReport.codes(report).isEmpty)
        report.table1?.blocks[0].rows[0].cells[0] = Cell(value: .number(-1), raw: "-1", line: 42)
        #expect(BuiltReport.codes(report) == [.negativeCount])
    }

    @Test func table1BlankIsReported() {
        var report = BuiltReport.clean()
        report.table1?.blocks[1].rows[0].cells[0] = Cell(value: .blank, raw: "—", line: 45)
        #expect(BuiltReport.codes(report) == [.cellBlank])
    }

    @Test func table1TextIsReported() {
        var report = BuiltReport.clean()
        report.table1?.blocks[1].rows[0].cells[0] = Cell(value: .text("若干"), raw: "若干", line: 45)
        #expect(BuiltReport.codes(report) == [.cellNotNumber])
    }
}
