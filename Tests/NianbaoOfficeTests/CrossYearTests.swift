import Testing
import NianbaoEngine
import NianbaoOffice

@Suite("Office: cross-year checks")
struct CrossYearTests {
    static let file2023 = "hongze/2023.pdf"
    static let file2024 = "hongze/2024.pdf"

    /// The real 洪泽 report of a year, its text edited first.
    static func hongze(_ year: Int, edit: (String) -> String = { $0 }) throws -> CrossYearCheck.Input {
        let text = try OfficeFixtures.text("samples/huaian_hongze_\(year).txt")
        let report = ReportEngine().parse(TextNormalization.document(from: edit(text)))
        return CrossYearCheck.Input(report: report, file: year == 2023 ? file2023 : file2024)
    }

    /// The section 五 lines of a sample text (between its heading and 六's).
    static func sectionFiveLines(_ text: String) -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines.firstIndex { $0.hasPrefix("五、存在的主要问题") }!
        let end = lines.firstIndex { $0.hasPrefix("六、其他需要报告的事项") }!
        return Array(lines[(start + 1)..<end])
    }

    /// The 2024 text with section 五 replaced by `body`.
    static func replacingSectionFive(_ text: String, with body: [Substring]) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines.firstIndex { $0.hasPrefix("五、存在的主要问题") }!
        let end = lines.firstIndex { $0.hasPrefix("六、其他需要报告的事项") }!
        lines.replaceSubrange((start + 1)..<end, with: body)
        return lines.joined(separator: "\n")
    }

    @Test func theRealConsecutivePairPasses() throws {
        let findings = CrossYearCheck.check(thisYear: try Self.hongze(2024), lastYear: try Self.hongze(2023))
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        // 2024 reuses two of 2023's three measures, and still counts as rewritten.
        let share = NGramSimilarity.containment(of: try Self.hongze(2024).report.section(.problems)!.text,
                                                in: try Self.hongze(2023).report.section(.problems)!.text)
        #expect(share > 0.3 && share < CrossYearCheck.repeatedTextThreshold)
    }

    @Test func aBrokenCarryOverNamesBothFilesAndCells() throws {
        let broken = try Self.hongze(2024) {
            $0.replacing("二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0", with: "二、上年结转政府信息公开申请数量 3 0 0 0 0 1 4")
        }
        #expect(broken.report.table2?[.carriedOver, .naturalPerson]?.count == 3)
        let findings = CrossYearCheck.carryOver(thisYear: broken, lastYear: try Self.hongze(2023))
        #expect(findings.map(\.message) == [
            "表二 二、上年结转 · 自然人：本年《hongze/2024.pdf》为 3，上年《hongze/2023.pdf》四、结转下年度继续办理 · 自然人 为 0",
            "表二 二、上年结转 · 其他：本年《hongze/2024.pdf》为 1，上年《hongze/2023.pdf》四、结转下年度继续办理 · 其他 为 0",
            "表二 二、上年结转 · 总计：本年《hongze/2024.pdf》为 4，上年《hongze/2023.pdf》四、结转下年度继续办理 · 总计 为 0",
        ])
        #expect(findings.allSatisfy { $0.code == .crossYearCarryOver && $0.severity == .warning })
    }

    @Test func lastYearsCarryForwardSideIsCheckedToo() throws {
        let last = try Self.hongze(2023) {
            $0.replacing("四、结转下年度继续办理 0 0 0 0 0 0 0", with: "四、结转下年度继续办理 0 2 0 0 0 0 2")
        }
        let findings = CrossYearCheck.carryOver(thisYear: try Self.hongze(2024), lastYear: last)
        #expect(findings.count == 2)
        #expect(findings.first?.message == "表二 二、上年结转 · 商业企业：本年《hongze/2024.pdf》为 0，上年《hongze/2023.pdf》四、结转下年度继续办理 · 商业企业 为 2")
    }

    @Test func copiedSectionFiveWarnsAndQuotesASharedSentence() throws {
        let text2023 = try OfficeFixtures.text("samples/huaian_hongze_2023.txt")
        let copied = try Self.hongze(2024) { Self.replacingSectionFive($0, with: Self.sectionFiveLines(text2023)) }
        let findings = CrossYearCheck.repeatedText(thisYear: copied, lastYear: try Self.hongze(2023))
        let finding = try #require(findings.first)
        #expect(findings.count == 1 && finding.code == .crossYearRepeatedText && finding.severity == .warning)
        #expect(finding.message.hasPrefix("第五部分“存在的主要问题及改进情况”与上年《hongze/2023.pdf》高度雷同（100% 的文字相同），如：“"))
        let quote = try #require(Self.quote(finding.message))
        #expect(quote.count >= 40)
        #expect(copied.report.section(.problems)!.text.contains(quote.replacing("…", with: "")))
        #expect(try Self.hongze(2023).report.section(.problems)!.text.contains(quote.replacing("…", with: "")))
    }

    @Test func lightlyEditedCopyStillWarns() throws {
        let text2023 = try OfficeFixtures.text("samples/huaian_hongze_2023.txt")
        let edited = Self.sectionFiveLines(text2023).map { line in
            Substring(line.replacing("2023 年", with: "2024 年").replacing("一定的成效", with: "较好成效")
                .replacing("下一步", with: "2025 年").replacing("继续", with: "持续").replacing("进一步", with: "深入"))
        }
        let copied = try Self.hongze(2024) { Self.replacingSectionFive($0, with: edited) }
        let thisText = copied.report.section(.problems)!.text
        #expect(thisText.contains("较好成效") && thisText.contains("持续加强业务指导培训"))
        let findings = CrossYearCheck.repeatedText(thisYear: copied, lastYear: try Self.hongze(2023))
        #expect(findings.count == 1)
        let quote = try #require(Self.quote(findings.first?.message ?? ""))
        #expect(thisText.contains(quote.replacing("…", with: "")))
    }

    @Test func anotherAgencysRealTextDoesNotWarn() throws {
        let text003 = try OfficeFixtures.text("samples/003_458875e39d02c745.txt")
        let lines = text003.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines.firstIndex { $0.contains("存在的主要问题及改进情况") && $0.hasPrefix("（五）") }!
        let end = lines.firstIndex { $0.hasPrefix("（六）") && $0.contains("其他需要报告") }!
        let rewritten = try Self.hongze(2024) { Self.replacingSectionFive($0, with: Array(lines[(start + 1)..<end])) }
        #expect(NGramSimilarity.significantLength(rewritten.report.section(.problems)!.text) > 200)
        #expect(CrossYearCheck.repeatedText(thisYear: rewritten, lastYear: try Self.hongze(2023)).isEmpty)
    }

    @Test func aShortSectionIsNotCompared() throws {
        let short = try Self.hongze(2024) { Self.replacingSectionFive($0, with: ["无。"]) }
        let lastShort = try Self.hongze(2023) { Self.replacingSectionFive($0, with: ["无。"]) }
        #expect(CrossYearCheck.repeatedText(thisYear: short, lastYear: lastShort).isEmpty)
    }

    @Test func orderOfArrivalDoesNotMatter() throws {
        let this = try Self.hongze(2024) {
            $0.replacing("二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0", with: "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1")
        }
        let last = try Self.hongze(2023)
        let forward = try #require(CrossYearCheck.pair(this, last))
        let backward = try #require(CrossYearCheck.pair(last, this))
        #expect(forward.thisYear.file == Self.file2024 && backward.thisYear.file == Self.file2024)
        let a = CrossYearCheck.check(thisYear: forward.thisYear, lastYear: forward.lastYear)
        let b = CrossYearCheck.check(thisYear: backward.thisYear, lastYear: backward.lastYear)
        #expect(a == b && a.count == 2)
        // Swapped by mistake, or years not consecutive: nothing.
        #expect(CrossYearCheck.check(thisYear: last, lastYear: this).isEmpty)
        #expect(CrossYearCheck.pair(this, this) == nil)
    }

    @Test func bothCodesAreExplained() {
        for code in [RuleCode.crossYearCarryOver, .crossYearRepeatedText] {
            #expect(code.severity == .warning)
            #expect(code.explanation.count > 200 && !code.title.isEmpty)
        }
        #expect(RuleCode(rawValue: "cross_year.carry_over") == .crossYearCarryOver)
        #expect(RuleCode(rawValue: "cross_year.repeated_text") == .crossYearRepeatedText)
        #expect(RuleCode.crossYearRepeatedText.explanation.contains("70 %") && RuleCode.crossYearRepeatedText.explanation.contains("4-character"))
    }

    static func quote(_ message: String) -> String? {
        guard let open = message.range(of: "如：“"), message.hasSuffix("”") else { return nil }
        return String(message[open.upperBound...].dropLast())
    }
}
