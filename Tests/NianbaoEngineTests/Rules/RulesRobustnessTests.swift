import Testing
@testable import NianbaoEngine
import NianbaoTestSupport

@Suite("Rules: never crash")
struct RulesRobustnessTests {
    /// A small deterministic generator (xorshift), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
        }
    }

    static func value(_ g: inout Generator) -> Cell.Value {
        switch g.int(0...6) {
        case 0: return .number(Int.max)
        case 1: return .number(Int.min)
        case 2: return .number(g.int(-5...5))
        case 3: return .blank
        case 4: return .text("—")
        case 5: return .amount(-1.5)
        default: return .number(g.int(0...1_000_000))
        }
    }

    @Test func randomMalformedReportsDoNotCrash() {
        var g = Generator(state: 0x9E37_79B9_7F4A_7C15)
        let document = SourceDocument(text: "标题\n无行政复议。\n")
        for _ in 0..<300 {
            var report = BuiltReport.clean()
            report.year = [nil, Int.max, Int.min, 2019, 2021, 0][g.int(0...5)]
            report.titleLine = [nil, -1, 5, Int.max][g.int(0...3)]
            report.signed = CivilDate(year: g.int(-1...3000), month: g.int(-1...13), day: g.int(-1...40))
            report.signedLine = [nil, -3, 1, 1_000_000][g.int(0...3)]
            report.agency = ["", "县人民政府", "局", "人民政府", nil][g.int(0...4)]
            report.title = ["", "年", "2021年", "政府信息公开工作年度报告", nil, "市2021年政府信息公开工作年度报告"][g.int(0...5)]
            for row in Table2Row.allCases where g.int(0...3) == 0 {
                let count = g.int(0...9)
                report.table2?.rows[row] = (0..<count).map { _ in Cell(value: Self.value(&g), raw: "x", line: g.int(-2...500)) }
            }
            report.table3?.cells = (0..<g.int(0...17)).map { _ in Cell(value: Self.value(&g), raw: "", line: g.int(-2...5)) }
            report.sections = report.sections.map {
                Section(kind: $0.kind, headingLine: g.int(-3...9), bodyLines: g.int(-5...3)..<g.int(3...900), text: g.int(0...1) == 0 ? "" : "未收到申请12件，无行政复议、诉讼3件，予以公开 件")
            }
            if g.int(0...2) == 0 { report.table1 = Table1(blocks: [Table1Block(item: g.int(-1...20), columns: [], rows: [Table1Row(label: "", cells: [Cell(value: Self.value(&g), raw: "", line: -1)], line: -9)])], startLine: -1) }
            if g.int(0...3) == 0 { report.table2 = nil }
            let findings = ReportEngine().validate(report, in: document)
            #expect(findings.allSatisfy { !$0.message.isEmpty })
        }
    }

    @Test func unbalancedHugeTableFails() {
        var report = BuiltReport.clean()
        for row in Table2Row.rows(for: .t2021) {
            report.table2?.rows[row] = Array(repeating: Cell(value: .number(Int.max), raw: "", line: 3), count: 7)
        }
        #expect(Verdict(findings: ReportEngine().validate(report, in: BuiltReport.document)) == .fail)
    }
}
