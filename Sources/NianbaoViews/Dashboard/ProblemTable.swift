/// The daemon's recent problems (refused files, lost folders, failed writes).
enum ProblemTable {
    static func section(_ problems: [DaemonProblem], clock: DisplayClock) -> String {
        var html = "<h2>近期异常</h2>\n"
        guard !problems.isEmpty else { return html + #"<p class="none">近期无异常。</p>"# + "\n" }
        let e = HTMLEscaping.escape
        html += """
        <table class="stack problems">
        <colgroup><col class="c-time"><col class="c-kind"><col class="c-path"><col class="c-text"></colgroup>
        <thead><tr><th scope="col">时间</th><th scope="col">类别</th><th scope="col">文件</th><th scope="col">说明</th></tr></thead>
        <tbody>

        """
        for problem in problems {
            html += #"<tr class="problem">"#
            html += AgencyTable.cell("时间", #"<time datetime="\#(clock.iso8601(problem.time))">\#(clock.second(problem.time))</time>"#)
            html += AgencyTable.cell("类别", e(problem.kind.chineseName))
            html += AgencyTable.cell("文件", #"<span class="path">\#(e(problem.path))</span>"#)
            html += AgencyTable.cell("说明", e(problem.text)) + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
