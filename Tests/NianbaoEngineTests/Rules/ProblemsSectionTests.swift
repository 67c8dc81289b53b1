import Foundation
import Testing
@testable import NianbaoEngine
import NianbaoTestSupport

/// `section5.generic`: empty, "无", short and boilerplate sections 五 are warned; no real or
/// fixture report's section is.
@Suite("Rules: section 五 says something concrete")
struct ProblemsSectionTests {
    /// Every text report among the fixtures: samples, clean reports, office and format fixtures.
    static let textFixtures: [String] = {
        let folders = ["samples", "clean", "office", "formats"]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.directory + "/" + folder)) ?? [])
                .filter { $0.hasSuffix(".txt") }.sorted().map { folder + "/" + $0 }
        }
    }()

    @Test func noFixtureIsFlagged() {
        #expect(Self.textFixtures.count >= 15)
        for path in Self.textFixtures {
            let document = (try? TextDecoding.document(from: Fixtures.bytes(path), legacy: nil).get()) ?? SourceDocument(lines: [])
            let findings = ReportEngine().assess(document).findings.filter { $0.code == .problemsGeneric }
            #expect(findings.isEmpty, "\(path): \(findings.map(\.message))")
        }
    }

    @Test func realSectionsClearTheThresholds() {
        // The shortest specific section among the fixtures (formats/clean-2021.txt): 71
        // characters, 60 beyond the stock phrases; the thresholds are 50 and 30.
        let report = FixtureFiles.assess(FixtureFiles.document("formats/clean-2021.txt")).report
        let text = report.section(.problems)?.text ?? ""
        #expect(ProblemsSectionRule.significantText(text).count >= 70)
        #expect(ProblemsSectionRule.residueLength(text) >= 55)
    }

    static func withSectionFive(_ body: String) -> Assessment {
        let text = FixtureFiles.text("clean/jiangbei_transport_2023.txt")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = lines.firstIndex { $0.hasPrefix("五、存在的主要问题") }!
        let end = lines.firstIndex { $0.hasPrefix("六、其他需要报告的事项") }!
        lines.replaceSubrange((start + 1)..<end, with: body.isEmpty ? [] : [body])
        return ReportEngine().assess(TextNormalization.document(from: lines.joined(separator: "\n")))
    }

    static func message(_ body: String) -> String? {
        withSectionFive(body).findings.first { $0.code == .problemsGeneric }?.message
    }

    @Test func emptyAndNoneAreFlagged() {
        #expect(Self.message("") == "第五部分“存在的主要问题及改进情况”为空，应写明存在的具体问题和改进措施")
        #expect(Self.message("无。") == "第五部分“存在的主要问题及改进情况”只写了“无。”，应写明存在的具体问题和改进措施")
        #expect(Self.withSectionFive("无").findings.first { $0.code == .problemsGeneric }?.severity == .warning)
    }

    @Test func aOneLinerIsTooShort() {
        let message = Self.message("我局政府信息公开工作还存在一些不足，下一步将进一步加强。")
        #expect(message == "第五部分“存在的主要问题及改进情况”过短（26 字，少于 50 字），未写明具体问题和改进措施：“我局政府信息公开工作还存在一些不足，下一步将进一步加强。”")
    }

    @Test func boilerplateIsFlaggedAndQuoted() {
        let body = "2023年，我局政府信息公开工作虽然取得了一定成效，但仍存在一定差距。下一步，我局将继续认真贯彻落实《中华人民共和国政府信息公开条例》，"
            + "进一步加强政府信息公开工作，不断提高政府信息公开工作水平，切实保障人民群众的知情权、参与权、表达权和监督权。"
        let message = Self.message(body)
        #expect(message?.hasPrefix("第五部分“存在的主要问题及改进情况”只有套话（除套话外仅 ") == true, "\(message ?? "-")")
        #expect(message?.contains("：“2023年，我局政府信息公开工作虽然取得了一定成效") == true)
        #expect(message?.hasSuffix("…”") == true, "a long section is quoted cut")
    }

    @Test func noProblemNamedIsFlagged() {
        let body = "2023年，我局按照县政府要求开展政府信息公开工作，全年主动公开信息612条，办理依申请公开26件，组织培训2次，门户网站专栏运行平稳，下一步将继续做好相关工作。"
        #expect(Self.message(body)?.hasPrefix("第五部分“存在的主要问题及改进情况”未写明存在的具体问题") == true)
    }

    @Test func aConcreteSectionPasses() {
        let body = "主要问题：一是政策解读形式较为单一，图解、视频解读占比不足三成；二是依申请公开答复文书的说理还不够充分。"
            + "下一步，我局将编制答复文书范本，每季度开展一次案例复盘，并对重要政策文件同步制作图解。"
        #expect(Self.message(body) == nil)
    }
}

@Suite("Rules: correction rate")
struct CorrectionRateTests {
    static let table3 = "1\t1\t0\t1\t3\t1\t0\t0\t1\t2\t1\t0\t0\t0\t1"

    static func assess(_ row: String) -> Assessment {
        let text = FixtureFiles.text("clean/jiangbei_transport_2023.txt")
        return ReportEngine().assess(TextNormalization.document(from: text.replacing(Self.table3, with: row)))
    }

    @Test func aHighRateWithEnoughCasesIsPointedOut() {
        #expect(FixtureFiles.text("clean/jiangbei_transport_2023.txt").contains(Self.table3), "the row this test edits")
        // 纠正 3 + 1 of 8 + 4 cases: 4 / 12 = 33 %.
        let findings = Self.assess("5\t3\t0\t0\t8\t2\t1\t0\t1\t4\t0\t0\t0\t0\t0").findings.filter { $0.code == .anomalyCorrectionRate }
        #expect(findings.map(\.message) == ["表三 结果纠正共 4 件，占行政复议、行政诉讼 12 件的 33%（高于 15%），纠错率偏高"])
        #expect(findings.allSatisfy { $0.severity == .info })
    }

    @Test func fewCasesOrALowRateSayNothing() {
        // The fixture's own table: 2 corrected of 6 cases — too few.
        #expect(!Self.assess(Self.table3).findings.contains { $0.code == .anomalyCorrectionRate })
        // 1 of 12: 8 %.
        #expect(!Self.assess("9\t1\t0\t0\t10\t1\t0\t0\t1\t2\t0\t0\t0\t0\t0").findings.contains { $0.code == .anomalyCorrectionRate })
    }
}
