/// The agency table (each row's findings behind `<details>`, stacked cards at
/// phone width) and the print-only block that prints every finding in full.
enum AgencyTable {
    /// The table, written into `output` a row at a time.
    static func section(_ rows: [AgencyRow], clock: DisplayClock, into output: inout some TextOutputStream) {
        output.write("<h2>各机关报送情况</h2>\n")
        guard !rows.isEmpty else { return output.write(#"<p class="none">暂无机关。</p>"# + "\n") }
        output.write("""
        <table class="stack agencies">
        <colgroup><col class="c-agency"><col class="c-level"><col class="c-year"><col class="c-status"><col class="c-file"><col class="c-time"><col class="c-watch"><col class="c-findings"></colgroup>
        <thead><tr><th scope="col">机关</th><th scope="col">层级</th><th scope="col">年度</th><th scope="col">结论</th><th scope="col">文件</th><th scope="col">到达时间</th><th scope="col">关注</th><th scope="col">问题</th></tr></thead>
        <tbody>

        """)
        for row in rows { output.write(self.row(row, clock: clock)) }
        output.write("</tbody>\n</table>\n")
    }

    private static func row(_ row: AgencyRow, clock: DisplayClock) -> String {
        let e = HTMLEscaping.escape
        var file = "—"
        if let path = row.file {
            file = (row.drop.map { #"<span class="drop">\#(e($0))</span>"# } ?? "") + #"<span class="file">\#(e(path))</span>"#
        }
        var arrival = "—"
        if let arrived = row.arrivedAt {
            arrival = #"<time datetime="\#(clock.iso8601(arrived))">\#(dayAndTime(clock.minute(arrived)))</time>"#
            if row.late { arrival += #"<span class="late">逾期</span>"# }
        }
        var html = #"<tr class="agency s-\#(row.status.rawValue)">"#
        html += cell("机关", row.agency.map(e) ?? #"<span class="none">（未识别机关）</span>"#)
        html += cell("层级", nowrap: true, row.level?.chinese ?? "—")
        html += cell("年度", nowrap: true, row.year.map(String.init) ?? "—")
        html += cell("结论", nowrap: true, #"<span class="badge b-\#(row.status.rawValue)">\#(row.status.chinese)</span>"#)
        html += cell("文件", file)
        html += cell("到达时间", arrival)
        html += cell("关注", WatchCell.content(row.findings))
        html += cell("问题", findingsCell(row.findings))
        return html + "</tr>\n"
    }

    /// A cell whose content is one block, so the stacked phone layout (label, then
    /// value) keeps all of it in the value column.
    static func cell(_ label: String, nowrap: Bool = false, _ content: String) -> String {
        #"<td data-label="\#(label)"><div class="v\#(nowrap ? " nw" : "")">\#(content)</div></td>"#
    }

    /// "2024-01-06 09:00" with a line break allowed only between the date and the time.
    static func dayAndTime(_ text: String) -> String {
        text.split(separator: " ").map { #"<span class="nw">\#($0)</span>"# }.joined(separator: " ")
    }

    private static func findingsCell(_ findings: [FindingLine]) -> String {
        guard !findings.isEmpty else { return "—" }
        let counting = findings.filter(\.counts)
        let errors = counting.filter { $0.severity == .error }.count
        let settled = findings.count - counting.count
        let summary = (counting.isEmpty ? "" : "\(counting.count) 项问题" + (errors > 0 ? "（错误 \(errors)）" : ""))
            + (settled == 0 ? "" : (counting.isEmpty ? "" : "，") + "已核实 \(settled) 项")
        var html = #"<span class="print-only">\#(summary)，见文末问题明细</span>"#
        html += "<details><summary>\(summary)</summary>" + list(findings) + "</details>"
        return html
    }

    /// The findings as an ordered list, errors first.
    static func list(_ findings: [FindingLine]) -> String {
        let e = HTMLEscaping.escape
        var html = #"<ol class="findings">"#
        for finding in FindingLine.bySeverity(findings) {
            if let reason = finding.settled {
                html += #"<li class="settled"><span class="sev sev-settled" title="\#(finding.severity.chinese)">已核实</span>"#
                if let location = finding.location { html += #"<span class="loc">\#(e(location))</span>"# }
                html += #"<span class="msg">\#(e(finding.message))</span><code>\#(e(finding.code))</code>"#
                html += #"<span class="why">理由：\#(e(reason))</span></li>"#
                continue
            }
            html += #"<li><span class="sev sev-\#(finding.severity.rawValue)">\#(finding.severity.chinese)</span>"#
            if let location = finding.location { html += #"<span class="loc">\#(e(location))</span>"# }
            html += #"<span class="msg">\#(e(finding.message))</span><code>\#(e(finding.code))</code></li>"#
        }
        return html + "</ol>"
    }

    /// Every agency's findings in full, shown only on paper; written into `output` a row at a time.
    static func printFindings(_ rows: [AgencyRow], into output: inout some TextOutputStream) {
        guard rows.contains(where: { !$0.findings.isEmpty }) else { return }
        let e = HTMLEscaping.escape
        output.write(#"<section class="print-only findings-print">"# + "\n<h2>问题明细</h2>\n")
        for row in rows where !row.findings.isEmpty {
            var html = "<article><h3>\(row.agency.map(e) ?? "（未识别机关）") · \(row.status.chinese)</h3>"
            if let file = row.file { html += #"<div class="file">\#(row.drop.map { e($0) + " / " } ?? "")\#(e(file))</div>"# }
            html += list(row.findings) + "</article>\n"
            output.write(html)
        }
        output.write("</section>\n")
    }
}
