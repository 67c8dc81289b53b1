import Foundation
import NianbaoEngine
import Testing
@testable import NianbaoViews

/// Escaping, dates and countdowns the views are built on.
struct ViewBasicsTests {
    @Test func escapingCoversTextAndAttributes() {
        #expect(HTMLEscaping.escape(#"<a href="x" title='y'>&amp;</a>"#)
            == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
        #expect(HTMLEscaping.escape("表二\u{0}\u{1B}[31m\n") == "表二[31m\n")
        #expect(HTMLEscaping.escape("江苏省 🏛️") == "江苏省 🏛️")
    }

    @Test func pageIsSelfContainedAndEscapesEverythingFromFiles() {
        let html = DashboardPage.render(SampleDashboard.model)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(html.contains(#"<meta charset="utf-8">"#))
        #expect(html.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"#))
        for forbidden in ["<script", "<link", "<img", "<iframe", "<object", "<embed", "http://", "https://", "url(", "@import"] {
            #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
        }
        // No event-handler attribute in any tag (the hostile names carry "onerror=" only as escaped text).
        #expect(html.range(of: #"<[^>]*\son[a-z]+\s*="#, options: [.regularExpression, .caseInsensitive]) == nil)
        #expect(html.contains(" onerror=alert(1)&gt;"))
        #expect(html.contains("@media print"))
        #expect(html.contains("@media (max-width:720px)"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;.txt"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.txt"))
    }

    @Test func emptyStateRendersWithoutSections() {
        let model = DashboardModel(generatedAt: Date(timeIntervalSince1970: 0), years: [],
                                   verdicts: VerdictDistribution(pass: 0, warn: 0, fail: 0, refused: 0), agencies: [], problems: [])
        let html = DashboardPage.render(model)
        #expect(html.contains("暂无报告") && html.contains("暂无机关") && html.contains("近期无异常"))
        #expect(!html.contains(#"<section class="print-only findings-print">"#), "no print-only findings block without findings")
        #expect(html.contains("生成于 <time datetime=\"1970-01-01T08:00:00+08:00\">1970-01-01 08:00</time>（北京时间）"))
    }

    @Test func clockShowsBeijingTime() {
        let clock = DisplayClock.chinaStandardTime
        let lateEvening = Date(timeIntervalSince1970: 1_706_198_399)  // 2024-01-25 23:59:59 +08
        #expect(clock.second(lateEvening) == "2024-01-25 23:59:59")
        #expect(clock.civilDate(lateEvening.addingTimeInterval(1)) == CivilDate(year: 2024, month: 1, day: 26))
        #expect(clock.iso8601(lateEvening) == "2024-01-25T23:59:59+08:00")
        #expect(DisplayClock(secondsFromGMT: -5 * 3600 - 1800).iso8601(Date(timeIntervalSince1970: 0)) == "1969-12-31T18:30:00-05:30")
    }

    @Test func countdownsInChinese() {
        let deadline = DisplayLevel.department.deadline(reportYear: 2023)
        #expect(deadline == CivilDate(year: 2024, month: 1, day: 31))
        #expect(DisplayLevel.county.deadline(reportYear: 2023) == CivilDate(year: 2024, month: 2, day: 20))
        #expect(DisplayLevel.prefecture.deadline(reportYear: 2023) == CivilDate(year: 2024, month: 3, day: 10))
        #expect(DisplayLevel.province.deadline(reportYear: 2023) == CivilDate(year: 2024, month: 3, day: 31))
        #expect(DisplayLevel.township.deadline(reportYear: 2023) == deadline)
        #expect(DeadlineText.countdown(today: CivilDate(year: 2024, month: 1, day: 25), deadline: deadline) == "剩 6 天")
        #expect(DeadlineText.countdown(today: deadline, deadline: deadline) == "今天截止")
        #expect(DeadlineText.countdown(today: CivilDate(year: 2024, month: 3, day: 1), deadline: deadline) == "逾期 30 天")
        #expect(DeadlineText.elapsedShare(today: CivilDate(year: 2023, month: 12, day: 1), deadline: deadline) == 0)
        #expect(DeadlineText.elapsedShare(today: CivilDate(year: 2024, month: 1, day: 16), deadline: deadline) == 0.5)
    }
}
