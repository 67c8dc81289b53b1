import Foundation
import NianbaoEngine
import Testing
@testable import NianbaoViews

/// The agency table's 关注 column lists a report's anomalies.
struct WatchColumnTests {
    static let rate = FindingLine(code: "anomaly.correction_rate", severity: .info,
                                  message: "表三 结果纠正共 4 件，占行政复议、行政诉讼 12 件的 33%（高于 15%），纠错率偏高")
    static let jump = FindingLine(code: "anomaly.applications_jump", severity: .info, message: "表二 …为上年的 5.7 倍<script>")
    static let blank = FindingLine(code: "table.cell_blank", severity: .warning, message: "表二 法人或其他组织 5 列 × 25 行为空")

    static func page(_ findings: [FindingLine]) -> String {
        let row = AgencyRow(agency: "沭阳县发展和改革局", level: nil, year: 2023, status: .warn, file: "shuyang.html", drop: "drop",
                            arrivedAt: Date(timeIntervalSince1970: 1_705_449_600), findings: findings)
        let model = DashboardModel(generatedAt: Date(timeIntervalSince1970: 1_705_449_600), years: [],
                                   verdicts: VerdictDistribution(pass: 0, warn: 1, fail: 0, refused: 0), agencies: [row], problems: [])
        return DashboardPage.render(model)
    }

    @Test func anomaliesAreListedUnder关注() {
        let html = Self.page([Self.blank, Self.rate, Self.jump])
        #expect(html.contains(#"<th scope="col">关注</th>"#))
        #expect(html.contains(#"<td data-label="关注"><div class="v"><span class="watch" title="\#(Self.rate.message)">纠错率偏高</span> <span class="watch" title="表二 …为上年的 5.7 倍&lt;script&gt;">申请量突变</span></div></td>"#))
    }

    @Test func noAnomalyShowsADash() {
        let html = Self.page([Self.blank])
        #expect(html.contains(#"<td data-label="关注"><div class="v">—</div></td>"#))
    }
}
