import Testing
import NianbaoEngine
import NianbaoOffice

/// `cross_year.in_force`, `anomaly.applications_jump` and the comparisons among a batch of
/// files (`nianbao check A B`), on the real 洪泽 pair.
@Suite("Office: documents in force, application jumps, batches")
struct InForceAndJumpTests {
    static let row2024 = "行政规范性文件 3 0 8"

    @Test func theRealPairKeepsItsDocumentsInForce() throws {
        // 2023: 制发 0, 废止 5, 现行有效 5; 2024: 制发 3, 废止 0, 现行有效 8 = 5 + 3 − 0.
        let findings = CrossYearCheck.inForce(thisYear: try CrossYearTests.hongze(2024), lastYear: try CrossYearTests.hongze(2023))
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        let text = try OfficeFixtures.text("samples/huaian_hongze_2024.txt")
        #expect(text.contains(Self.row2024), "the row this test edits")
    }

    @Test func aBrokenContinuityNamesBothFilesAndTheCells() throws {
        let broken = try CrossYearTests.hongze(2024) { $0.replacing(Self.row2024, with: "行政规范性文件 3 0 10") }
        let findings = CrossYearCheck.inForce(thisYear: broken, lastYear: try CrossYearTests.hongze(2023))
        #expect(findings.map(\.message) == [
            "表一 行政规范性文件 · 现行有效件数：本年《hongze/2024.pdf》为 10，应为上年《hongze/2023.pdf》现行有效件数 5 + 本年制发件数 3 − 本年废止件数 0 = 8",
        ])
        #expect(findings.allSatisfy { $0.code == .crossYearInForce && $0.severity == .warning })
        // The daemon's check (CrossYearCheck.check) includes it.
        #expect(CrossYearCheck.check(thisYear: broken, lastYear: try CrossYearTests.hongze(2023)).map(\.code) == [.crossYearInForce])
    }

    @Test func rulesAreCheckedToo() throws {
        let broken = try CrossYearTests.hongze(2024) { $0.replacing("规章 0 0 0", with: "规章 1 0 0") }
        let findings = CrossYearCheck.inForce(thisYear: broken, lastYear: try CrossYearTests.hongze(2023))
        #expect(findings.map(\.message).first?.hasPrefix("表一 规章 · 现行有效件数：本年《hongze/2024.pdf》为 0，应为") == true)
    }

    @Test func applicationsJumpBeyondFiveTimes() throws {
        // 洪泽 2023 received 21, 2024 95: 4.5×, not a jump.
        #expect(CrossYearCheck.applicationsJump(thisYear: try CrossYearTests.hongze(2024), lastYear: try CrossYearTests.hongze(2023)).isEmpty)
        let jumped = try CrossYearTests.hongze(2024) {
            $0.replacing("一、本年新收政府信息公开申请数量 95 0 0 0 0 0 95", with: "一、本年新收政府信息公开申请数量 120 0 0 0 0 0 120")
        }
        let findings = CrossYearCheck.applicationsJump(thisYear: jumped, lastYear: try CrossYearTests.hongze(2023))
        #expect(findings.map(\.message) == [
            "表二 一、本年新收政府信息公开申请数量 · 总计：本年《hongze/2024.pdf》120 件，上年《hongze/2023.pdf》21 件，为上年的 5.7 倍（超出 5 倍或不足 1/5），请核实",
        ])
        #expect(findings.allSatisfy { $0.code == .anomalyApplicationsJump && $0.severity == .info })
        // Not among the daemon's checks (their codes all start with "cross_year.").
        #expect(CrossYearCheck.check(thisYear: jumped, lastYear: try CrossYearTests.hongze(2023)).isEmpty)
    }

    @Test func aDropBelowAFifthNeedsEnoughApplications() throws {
        let fell = try CrossYearTests.hongze(2024) {
            $0.replacing("一、本年新收政府信息公开申请数量 95 0 0 0 0 0 95", with: "一、本年新收政府信息公开申请数量 4 0 0 0 0 0 4")
        }
        // 21 → 4 is below a fifth, but neither year reaches 30 applications.
        #expect(CrossYearCheck.applicationsJump(thisYear: fell, lastYear: try CrossYearTests.hongze(2023)).isEmpty)
        let last = try CrossYearTests.hongze(2023) {
            $0.replacing("一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21", with: "一、本年新收政府信息公开申请数量 40 0 0 0 0 0 40")
        }
        #expect(CrossYearCheck.applicationsJump(thisYear: fell, lastYear: last).map(\.message).first?.contains("仅为上年的 0.1 倍") == true)
    }

    @Test func aBatchComparesEachReportWithTheYearBeforeInEitherOrder() throws {
        let broken = try CrossYearTests.hongze(2024) { $0.replacing(Self.row2024, with: "行政规范性文件 3 0 10") }
        let last = try CrossYearTests.hongze(2023)
        let forward = CrossYearCheck.among([last, broken])
        let backward = CrossYearCheck.among([broken, last])
        #expect(forward.keys.sorted() == [1] && backward.keys.sorted() == [0])
        #expect(forward[1] == backward[0])
        #expect(forward[1]?.map(\.code) == [.crossYearInForce])
        #expect(CrossYearCheck.among([last, try CrossYearTests.hongze(2024)]).isEmpty, "the real pair is consistent")
    }

    @Test func agenciesMatchWithoutTheirCity() {
        #expect(CrossYearCheck.agencyKey("淮安市洪泽区人民政府") == CrossYearCheck.agencyKey("洪泽区人民政府"))
        #expect(CrossYearCheck.agencyKey("沭阳县发展和改革局") != CrossYearCheck.agencyKey("沭阳县财政局"))
    }
}

@Suite("Office: which findings come from comparing years")
struct ComparisonCodeTests {
    @Test func everyCodeAComparisonGivesIsRecognised() {
        for code in RuleCode.allCases {
            let expected = code.rawValue.hasPrefix("cross_year.") || code == .anomalyApplicationsJump
            #expect(CrossYearCheck.isComparison(code.rawValue) == expected, "\(code)")
        }
    }
}
