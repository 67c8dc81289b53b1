/// The agency table (each row's findings behind `<details>`, stacked cards at
/// phone width) and the print-only block that prints every finding in full.
enum AgencyTable {
    static func section(_ rows: [AgencyRow], clock: DisplayClock) -> String {
        var html = "<h2>各机关报送情况</h2>\n"
        guard !rows.isEmpty else { return html + #"<p class="none">暂无机关。</p>"# + "\n" }
        html += """
        <table class="stack agencies">
        <colgroup><col class="c-agency"><col class="c-level"><col class="c-year"><col class="c-status"><col class="c-file"><col class="c-time"><col class="c-findings"></colgroup>
        <thead><tr><th scope="col">机关</th><th scope="col">层级</th><th scope="col">年度</th><th scope="col">结论</th><th scope="col">文件</th><th scope="col">到达时间</th><th scope="col">问题</th></tr></thead>
        <tbody>

        """
        for row in rows { html += self.row(row, clock: clock) }
        return html + "</tbody>\n</table>\n"
    }

    private static func row(_ row: AgencyRow, clock: DisplayClock) -> String {
        let e = HTMLEscaping.escape
        var html = #"<tr class="agency s-\#(row.status.rawValue)">"#
        html += #"<td data-label="机关">\#(row.agency.map(e) ?? #"<span class="none">（未识别机关）</span>"#)</td>"#
        html += #"<td data-label="层级">\#(row.level?.chinese ?? "—")</td>"#
        html += #"<td data-label="年度">\#(row.year.map(String.init) ?? "—")</td>"#
        html += #"<td data-label="结论"><span class="badge b-\#(row.status.rawValue)">\#(row.status.chinese)</span></td>"#
        html += #"<td data-label="文件">"#
        if let file = row.file {
            if let drop = row.drop { html += #"<span class="drop">\#(e(drop))</span>"# }
            html += #"<span class="file">\#(e(file))</span>"#
        } else {
            html += "—"
        }
        html += "</td>"
        html += #"<td data-label="到达时间">"#
        if let arrived = row.arrivedAt {
            html += #"<time datetime="\#(clock.iso8601(arrived))">\#(clock.minute(arrived))</time>"#
            if row.late { html += #"<span class="late">逾期</span>"# }
        } else {
            html += "—"
        }
        html += "</td>"
        html += #"<td data-label="问题">\#(findingsCell(row.findings))</td>"#
        return html + "</tr>\n"
    }

    private static func findingsCell(_ findings: [FindingLine]) -> String {
        guard !findings.isEmpty else { return "—" }
        let errors = findings.filter { $0.severity == .error }.count
        let summary = "\(findings.count) 项问题" + (errors > 0 ? "（错误 \(errors)）" : "")
        var html = #"<span class="print-only">\#(summary)，见文末问题明细</span>"#
        html += "<details><summary>\(summary)</summary>" + list(findings) + "</details>"
        return html
    }

    /// The findings as an ordered list, errors first.
    static func list(_ findings: [FindingLine]) -> String {
        let e = HTMLEscaping.escape
        var html = #"<ol class="findings">"#
        for finding in FindingLine.bySeverity(findings) {
            html += #"<li><span class="sev sev-\#(finding.severity.rawValue)">\#(finding.severity.chinese)</span>"#
            if let location = finding.location { html += #"<span class="loc">\#(e(location))</span>"# }
            html += #"<span class="msg">\#(e(finding.message))</span><code>\#(e(finding.code))</code></li>"#
        }
        return html + "</ol>"
    }

    /// Every agency's findings in full, shown only on paper.
    static func printFindings(_ rows: [AgencyRow]) -> String {
        let withFindings = rows.filter { !$0.findings.isEmpty }
        guard !withFindings.isEmpty else { return "" }
        let e = HTMLEscaping.escape
        var html = #"<section class="print-only findings-print">"# + "\n<h2>问题明细</h2>\n"
        for row in withFindings {
            html += "<article><h3>\(row.agency.map(e) ?? "（未识别机关）") · \(row.status.chinese)</h3>"
            if let file = row.file { html += #"<div class="file">\#(row.drop.map { e($0) + " / " } ?? "")\#(e(file))</div>"# }
            html += list(row.findings) + "</article>\n"
        }
        return html + "</section>\n"
    }
}
