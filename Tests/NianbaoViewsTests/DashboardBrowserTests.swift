import Foundation
import Testing
@testable import NianbaoViews

/// The dashboard rendered in real headless Chromium: counts, hostile names shown
/// as text with no element injected and no script run, phone width without
/// horizontal overflow, the print version carrying every finding.
@Suite(.serialized) struct DashboardBrowserTests {
    let html = DashboardPage.render(SampleDashboard.model)

    /// Writes a page into a fresh temporary directory and returns its file URL.
    private func page(_ text: String, name: String = "index.html") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("views-page-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// The number shown in `<span class="count" …data-kind="KIND">N</span>`.
    private func count(_ dom: String, kind: String, year: Int? = nil) -> Int? {
        let yearPart = year.map { #"data-year="\#($0)" "# } ?? ""
        let pattern = #"<span class="count" \#(yearPart)data-kind="\#(kind)">(\d+)</span>"#
        guard let range = dom.range(of: pattern, options: .regularExpression) else { return nil }
        return Int(dom[range].split(separator: ">")[1].split(separator: "<")[0])
    }

    private func occurrences(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    @Test func desktopDOMShowsTheCountsAndHostileNamesAsText() throws {
        guard let chromium = Chromium.required() else { return }
        let url = try page(html)
        try Artefacts.keep(Data(html.utf8), as: "dashboard.html")
        let dom = try chromium.dumpDOM(url)
        try Artefacts.keep(Data(dom.utf8), as: "dashboard-dom.html")

        // Counts: 2023 with a roster of 34, 2022 without a roster, verdicts of all 32 reports.
        #expect(count(dom, kind: "expected", year: 2023) == 34)
        #expect(count(dom, kind: "submitted", year: 2023) == 26)
        #expect(count(dom, kind: "missing", year: 2023) == 8)
        #expect(count(dom, kind: "failing", year: 2023) == 8)
        #expect(count(dom, kind: "submitted", year: 2022) == 6)
        #expect(count(dom, kind: "failing", year: 2022) == 2)
        #expect(count(dom, kind: "expected", year: 2022) == nil, "no roster: nothing is 'expected'")
        #expect(count(dom, kind: "verdict-pass") == 15)
        #expect(count(dom, kind: "verdict-warn") == 7)
        #expect(count(dom, kind: "verdict-fail") == 8)
        #expect(count(dom, kind: "verdict-refused") == 2)
        #expect(count(dom, kind: "verdict-total") == 32)
        #expect(occurrences(#"<tr class="agency "#, in: dom) == 40)
        #expect(occurrences(#"<span class="badge b-missing">未报</span>"#, in: dom) == 8)
        #expect(occurrences(#"<span class="badge b-refused">无法读取</span>"#, in: dom) == 2)
        #expect(dom.contains("剩 6 天"), "departments' deadline 2024-01-31, six days after 2024-01-25")
        #expect(dom.contains("剩 26 天"), "counties' deadline 2024-02-20")
        #expect(dom.contains("未配置应报名单"))
        #expect(dom.contains("已截止"), "2022 has no roster: a past deadline is not 'overdue'")
        #expect(!dom.contains("逾期 359 天"))
        // Every row with findings can be opened: 2023's 6 warn, 6 fail, 2 refused; 2022's 1 warn, 2 fail.
        #expect(occurrences("<details>", in: dom) == 17)

        // The hostile names are there, as text.
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;.txt"))
        #expect(dom.contains(#""&gt;&lt;img src=x onerror=alert(1)&gt;.txt"#))
        #expect(dom.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;报告.docx"))
        #expect(dom.contains(#"&lt;img src=x onerror="document.body.setAttribute('data-pwned','yes')"&gt;局"#))
        #expect(dom.contains("&lt;svg onload=document.title='SVG'&gt;.pdf"))
        #expect(dom.contains("表二 &lt;b onmouseover=alert(1)&gt;加粗&lt;/b&gt; &amp; 'quote' \"dq\""))

        // …and nothing they carry became an element or ran.
        #expect(!dom.lowercased().contains("<script"))
        #expect(!dom.lowercased().contains("<img"))
        #expect(!dom.contains("<svg onload"))
        #expect(!dom.contains("<b onmouseover"))
        #expect(!dom.contains("<i>"))
        #expect(dom.contains("<title>年报报送情况</title>"))
        #expect(!dom.contains("PWNED</title>") && !dom.contains("SVG</title>"))
        #expect(!dom.contains(#"data-pwned="yes""#))
    }

    @Test func theHarnessWouldSeeAScriptThatRan() throws {
        // Control: the same payload inserted raw (no escaping, no CSP) does run and is
        // seen by the checks above, so their passing means something.
        guard let chromium = Chromium.required() else { return }
        let raw = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>年报报送情况</title></head>
        <body><p>\(SampleDashboard.titleScript)</p><p>\(SampleDashboard.hostileAgency)</p></body></html>
        """
        let dom = try chromium.dumpDOM(try page(raw))
        #expect(dom.contains("<title>PWNED</title>"))
        #expect(dom.contains("<img"))
    }

    @Test func theContentSecurityPolicyBlocksAnInjectedScript() throws {
        // Defence in depth: even markup that slipped past escaping could not run.
        guard let chromium = Chromium.required() else { return }
        let injected = html.replacingOccurrences(of: "</main>", with: "<script>document.title='CSP'</script></main>")
        #expect(injected != html)
        let dom = try chromium.dumpDOM(try page(injected))
        #expect(dom.contains("<title>年报报送情况</title>"))
        #expect(!dom.contains("<title>CSP</title>"))
    }

    @Test func screenshotsAtDesktopAndPhoneWidth() throws {
        guard let chromium = Chromium.required() else { return }
        let url = try page(html)
        let desktop = try chromium.screenshot(url, width: 1280)
        let phone = try chromium.screenshot(url, width: 375)
        try Artefacts.keep(desktop, as: "dashboard-1280.png")
        try Artefacts.keep(phone, as: "dashboard-375.png")
        #expect(pngSize(desktop)?.width == 1280)
        #expect(pngSize(phone)?.width == 375)
        // A page that rendered has colour: the screenshot is far larger than a blank one.
        #expect(desktop.count > 50_000 && phone.count > 30_000)
    }

    @Test func phoneWidthHasNoElementWiderThanTheViewport() throws {
        // Headless Chromium will not lay out a window narrower than 500 px, so the
        // unchanged page (CSP included) is laid out in a 375 px wide srcdoc frame,
        // tall enough for no scroll bar, and a script in the wrapper measures it, every
        // <details> opened first.
        guard let chromium = Chromium.required() else { return }
        let result = try phoneMeasurement(html, chromium)
        print("phone-width measurement: \(result)")
        #expect(result.hasPrefix("clientWidth=375 scrollWidth=375 wide=0 "), "\(result)")
        // Control: a page with one over-wide element is caught by the same measurement.
        let control = try phoneMeasurement(#"<!DOCTYPE html><html><body><p style="width:600px">宽</p></body></html>"#, chromium)
        #expect(control.contains("wide=1 P."), "\(control)")
    }

    /// Lays `page` out in a 375 px frame and reports its widths and over-wide elements.
    private func phoneMeasurement(_ html: String, _ chromium: Chromium) throws -> String {
        let wrapper = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>measure</title><script>
        function measure(frame) {
          var doc = frame.contentDocument, out = document.getElementById('measure');
          doc.querySelectorAll('details').forEach(function (d) { d.open = true; });
          var width = doc.documentElement.clientWidth, wide = [];
          doc.querySelectorAll('body *').forEach(function (el) {
            var r = el.getBoundingClientRect();
            if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)) {
              wide.push(el.tagName + '.' + el.getAttribute('class') + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
            }
          });
          out.textContent = 'clientWidth=' + width + ' scrollWidth=' + doc.documentElement.scrollWidth +
            ' wide=' + wide.length + ' ' + wide.slice(0, 10).join(' | ');
        }
        </script></head><body style="margin:0">
        <pre id="measure">not measured</pre>
        <iframe style="width:375px;height:40000px;border:0" onload="measure(this)" srcdoc="\(HTMLEscaping.escape(html))"></iframe>
        </body></html>
        """
        let dom = try chromium.dumpDOM(try page(wrapper), width: 800)
        guard let start = dom.range(of: #"<pre id="measure">"#), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            Issue.record("no measurement in the dumped DOM")
            return ""
        }
        return String(dom[start.upperBound..<end.lowerBound])
    }

    @Test func printVersionCarriesEveryFinding() throws {
        guard let chromium = Chromium.required(), let pdftotext = ExternalTool.required("pdftotext", package: "poppler-utils") else { return }
        let pdf = try chromium.printToPDF(try page(html))
        let file = try Artefacts.keep(pdf, as: "dashboard-print.pdf")
        let text = try pdftotext.run(["-layout", file.path, "-"]).text
        #expect(text.contains("问题明细"))
        // Each of the 17 rows with findings points to the block (the table cell may wrap the text).
        #expect(occurrences("见文末", in: text) == 17)
        // Every fail row's arithmetic finding is printed (six 2023 and two 2022 failures).
        #expect(occurrences("行政复议 · 总计：应为 11，实为 0", in: text) == 8)
    }
}
