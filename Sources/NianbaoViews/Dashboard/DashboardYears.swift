import NianbaoEngine

/// The progress cards (one per report year) and the verdict distribution.
enum DashboardYears {
    static func section(_ years: [YearProgress], today: CivilDate) -> String {
        var html = "<h2>报送进度</h2>\n"
        guard !years.isEmpty else { return html + #"<p class="none">暂无报告。</p>"# + "\n" }
        html += #"<section class="years">"# + "\n"
        for year in years { html += card(year, today: today) }
        return html + "</section>\n"
    }

    private static func card(_ year: YearProgress, today: CivilDate) -> String {
        let passing = year.submitted - year.failing
        var segments: [(label: String, count: Int, colour: String)] = [
            ("合格", passing, DashboardCharts.passColour), ("不合格", year.failing, DashboardCharts.failColour),
        ]
        let centre: String
        if year.hasRoster {
            segments.append(("未报", year.missing, DashboardCharts.missingColour))
            let expected = year.submitted + year.missing
            centre = expected == 0 ? "—" : "\(Int((100 * Double(year.submitted) / Double(expected)).rounded(.down)))%"
        } else {
            centre = "\(year.submitted)"
        }
        let y = year.year
        var html = #"<article class="year" id="year-\#(y)">"# + "\n"
        html += #"<div class="year-head">"# + DashboardCharts.donut(segments, centre: centre, caption: year.hasRoster ? "已报" : "已收到")
        html += "<div><h3>\(y) 年度报告</h3>\n<p class=\"year-counts\">"
        var counts: [String] = []
        if year.hasRoster { counts.append("应报 " + count(y, "expected", year.submitted + year.missing)) }
        counts.append("已报 " + count(y, "submitted", year.submitted))
        if year.hasRoster { counts.append("未报 " + count(y, "missing", year.missing)) }
        counts.append("不合格 " + count(y, "failing", year.failing))
        html += counts.joined(separator: " · ") + "</p>\n"
        if !year.hasRoster { html += #"<p class="note">未配置应报名单，仅统计已收到的报告。</p>"# + "\n" }
        html += "</div></div>\n"
        for level in year.levels { html += row(level, year: year, today: today) }
        return html + "</article>\n"
    }

    private static func row(_ level: LevelProgress, year: YearProgress, today: CivilDate) -> String {
        let days = DeadlineText.daysLeft(today: today, deadline: level.deadline)
        // Only a roster tells who is overdue; without one a past deadline is just past.
        let overdue = days < 0 && year.hasRoster && level.missing > 0
        let soon = days >= 0 && days <= 7 && (!year.hasRoster || level.missing > 0)
        let urgency = overdue ? "overdue" : (soon ? "soon" : "")
        let countdown = days < 0 && !overdue ? "已截止" : DeadlineText.countdown(today: today, deadline: level.deadline)
        var segments: [(label: String, count: Int, colour: String)] = [
            ("合格", level.submitted - level.failing, DashboardCharts.passColour), ("不合格", level.failing, DashboardCharts.failColour),
        ]
        if year.hasRoster { segments.append(("未报", level.missing, DashboardCharts.missingColour)) }
        let share = DeadlineText.elapsedShare(today: today, deadline: level.deadline)
        var html = #"<div class="level" data-level="\#(level.level.rawValue)">"#
        html += #"<div class="level-head"><span class="level-name">\#(level.level.chinese)</span>"#
        html += #"<span class="deadline">截止 \#(level.deadline.chinese) · <span class="\#(urgency)">\#(countdown)</span></span></div>"#
        html += DashboardCharts.stackedBar(segments, marker: share, markerLabel: "时间进度 \(Int((share * 100).rounded()))%")
        var counts: [String] = []
        if year.hasRoster { counts.append("应报 \(level.expected)") }
        counts.append("已报 \(level.submitted)")
        if year.hasRoster { counts.append("未报 \(level.missing)") }
        counts.append("不合格 \(level.failing)")
        html += #"<div class="level-counts">"# + counts.joined(separator: " · ") + "</div></div>\n"
        return html
    }

    private static func count(_ year: Int, _ kind: String, _ value: Int) -> String {
        #"<span class="count" data-year="\#(year)" data-kind="\#(kind)">\#(value)</span>"#
    }

    static func distribution(_ verdicts: VerdictDistribution) -> String {
        let segments: [(label: String, count: Int, colour: String, key: String)] = [
            ("通过", verdicts.pass, DashboardCharts.passColour, "pass"),
            ("有警告", verdicts.warn, DashboardCharts.warnColour, "warn"),
            ("不通过", verdicts.fail, DashboardCharts.failColour, "fail"),
            ("无法读取", verdicts.refused, DashboardCharts.refusedColour, "refused"),
        ]
        var html = "<h2>结论分布</h2>\n<section class=\"panel distribution\">\n"
        html += DashboardCharts.stackedBar(segments.map { ($0.label, $0.count, $0.colour) })
        html += "\n<ul class=\"legend\">"
        for segment in segments {
            html += #"<li><span class="swatch sw-\#(segment.key)"></span>\#(segment.label) "#
            html += #"<span class="count" data-kind="verdict-\#(segment.key)">\#(segment.count)</span></li>"#
        }
        html += #"<li>共 <span class="count" data-kind="verdict-total">\#(verdicts.total)</span> 份</li>"#
        return html + "</ul>\n</section>\n"
    }
}
