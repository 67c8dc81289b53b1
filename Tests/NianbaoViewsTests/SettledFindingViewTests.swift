import Foundation
import NianbaoEngine
import Testing
@testable import NianbaoViews

/// Settled findings (已核实) in the views: shown with the reason, never counted.
struct SettledFindingViewTests {
    static let reason = "已与司法局核对"
    static let findings = [
        FindingLine(code: "cross_year.in_force", severity: .warning, message: "表一 行政规范性文件 · 现行有效件数：本年为 10", settled: reason),
        FindingLine(code: "template.mixed", severity: .warning, message: "表格混用新旧格式", location: "第 56 行"),
    ]

    @Test func theReceiptListsSettledFindingsApartWithTheirReason() {
        let receipt = Receipt(file: "hongze/2024.txt", sha256: ReceiptTests.sha, checkedAt: ReceiptTests.checkedAt, outcome: .warn,
                              agency: "洪泽区人民政府", year: 2024, findings: Self.findings)
        let text = ReceiptText.render(receipt)
        #expect(text.contains("报告可以发布，但有 1 处建议修改。"), "the settled warning is not counted")
        #expect(text.contains("需要修改的地方（共 1 处，先改“错误”）：\n1. 警告 【第 56 行】表格混用新旧格式"))
        #expect(text.contains("已核实、不计入结论的问题（共 1 处）：\n1. 已核实 【全文】表一 行政规范性文件 · 现行有效件数：本年为 10"))
        #expect(text.contains("理由：\(Self.reason)"))
        let json = ReceiptJSON.render(receipt)
        #expect(json.contains("\"settled\" : {\n        \"reason\" : \"\(Self.reason)\"\n      }"), "\(json)")
        #expect(json.components(separatedBy: "\"settled\"").count == 2, "absent from the finding that counts")
    }

    @Test func thePageGreysThemAndCountsOnlyTheOthers() {
        let html = AgencyTable.list(Self.findings)
        #expect(html.contains(#"<li class="settled"><span class="sev sev-settled" title="警告">已核实</span>"#))
        #expect(html.contains("理由：\(Self.reason)"))
        // Settled last, after the warning that counts.
        let settled = try! #require(html.range(of: "已核实"))
        let counting = try! #require(html.range(of: "表格混用新旧格式"))
        #expect(counting.lowerBound < settled.lowerBound)
        #expect(WatchCell.content([FindingLine(code: "anomaly.correction_rate", severity: .info, message: "m", settled: "x")]) == "—")
    }

    @Test func theMetricsCountThemApart() {
        var snapshot = MetricsSnapshot(reports: [:], findings: ["template.mixed": 1], queueDepth: 0, lastVerdictAt: nil,
                                       judgedTotal: 0, refusedTotal: [:], watchDirectories: 1, journalFsync: FsyncHistogram())
        #expect(!MetricsText.render(snapshot).contains("nianbao_findings_settled"))
        snapshot.settledFindings = ["cross_year.in_force": 1]
        let text = MetricsText.render(snapshot)
        #expect(text.contains("nianbao_findings_settled{code=\"cross_year.in_force\"} 1\n"))
        #expect(!text.contains("nianbao_findings{code=\"cross_year.in_force\"}"))
    }
}
