import Foundation
import NianbaoEngine
import Testing
@testable import NianbaoViews

/// The clerk's receipt in text and JSON.
struct ReceiptTests {
    static let checkedAt = Date(timeIntervalSince1970: 1_706_148_005)  // 2024-01-25 10:00:05 Beijing
    static let sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

    static let failing = Receipt(
        file: "hongze/洪泽区教育局2023年报.docx", sha256: sha, checkedAt: checkedAt, outcome: .fail,
        agency: "淮安市洪泽区教育局", year: 2023,
        findings: [
            FindingLine(code: "template.mixed", severity: .warning, message: "表格混用新旧格式", location: "第 56 行"),
            FindingLine(code: "table2.balance", severity: .error, message: "表二 自然人：第一项加第二项（12）不等于第三项加第四项（11）", location: "表 2 第 25 行"),
            FindingLine(code: "section.missing", severity: .error, message: "缺少第五部分（存在的主要问题及改进情况）\n结论：通过"),
            FindingLine(code: "narrative.received", severity: .info, message: "正文未写明收到申请数", location: "第 12 段"),
        ]
    )

    @Test func textNamesTheVerdictAndWhatToFixErrorsFirst() {
        let text = ReceiptText.render(Self.failing)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("结论：不通过"))
        #expect(text.contains("报告有 2 处错误，请修改后重新上传。"))
        #expect(text.contains("报告机关：淮安市洪泽区教育局　报告年度：2023 年度"))
        #expect(text.contains("需要修改的地方（共 4 处，先改“错误”）："))
        let numbered = lines.filter { $0.first?.isNumber == true }
        #expect(numbered == [
            "1. 错误 【表 2 第 25 行】表二 自然人：第一项加第二项（12）不等于第三项加第四项（11）",
            "2. 错误 【全文】缺少第五部分（存在的主要问题及改进情况） 结论：通过",
            "3. 警告 【第 56 行】表格混用新旧格式",
            "4. 提示 【第 12 段】正文未写明收到申请数",
        ])
        // A newline inside a message cannot forge a second verdict line.
        #expect(lines.filter { $0.hasPrefix("结论：") }.count == 1)
        #expect(text.contains("文件：hongze/洪泽区教育局2023年报.docx\n"))
        #expect(text.contains("文件指纹（SHA-256 前 16 位）：9f86d081884c7d65\n"))
        #expect(text.contains("检查时间：2024-01-25 10:00:05（北京时间）\n"))
        #expect(text.hasSuffix("\n") && !text.contains("\r"))
    }

    @Test func everyOutcomeInWords() {
        let words: [Receipt.Outcome: String] = [.pass: "通过", .warn: "有警告", .fail: "不通过", .unreadable: "无法读取"]
        for (outcome, word) in words {
            var receipt = Self.failing
            receipt.outcome = outcome
            if outcome == .pass { receipt.findings = [] }
            let text = ReceiptText.render(receipt)
            #expect(text.contains("\n结论：\(word)\n"))
        }
        var clean = Self.failing
        clean.outcome = .pass
        clean.findings = []
        #expect(!ReceiptText.render(clean).contains("需要修改的地方"))
    }

    @Test func jsonTwinHasStableEnglishFields() throws {
        let json = ReceiptJSON.render(Self.failing)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["file", "sha256", "checked_at", "verdict", "verdict_text", "agency", "year", "findings"])
        #expect(object["verdict"] as? String == "fail")
        #expect(object["verdict_text"] as? String == "不通过")
        #expect(object["checked_at"] as? String == "2024-01-25T10:00:05+08:00")
        #expect(object["sha256"] as? String == Self.sha)
        #expect(object["year"] as? Int == 2023)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["number"] as? Int } == [1, 2, 3, 4])
        #expect(findings.map { $0["code"] as? String } == ["table2.balance", "section.missing", "template.mixed", "narrative.received"])
        #expect(findings[1]["message"] as? String == "缺少第五部分（存在的主要问题及改进情况）\n结论：通过", "JSON keeps the text exact")
        #expect(findings[1]["location"] is NSNull, "an absent location is null, not missing")

        var unknown = Self.failing
        unknown.agency = nil
        unknown.year = nil
        let other = try #require(try JSONSerialization.jsonObject(with: Data(ReceiptJSON.render(unknown).utf8)) as? [String: Any])
        #expect(other["agency"] is NSNull && other["year"] is NSNull)
        #expect(ReceiptJSON.render(Self.failing) == json, "same receipt, same bytes")
    }
}
