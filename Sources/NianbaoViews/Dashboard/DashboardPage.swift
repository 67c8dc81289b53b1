/// The dashboard: one self-contained HTML5 page (`index.html` of the status
/// directory). No script, no external resource (a Content-Security-Policy that
/// forbids both is part of the page), inline CSS and SVG, Chinese text; readable
/// as a plain file, at phone width and on paper.
///
/// Every string that comes from a file, a report or the daemon's notices is
/// HTML-escaped, in text and in attributes alike.
public enum DashboardPage {
    /// The Content-Security-Policy the page declares: nothing may load or run
    /// except the inline style sheet and `data:` images.
    public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    /// The page for a model, as UTF-8 text.
    public static func render(_ model: DashboardModel) -> String {
        var html = ""
        render(model, into: &html)
        return html
    }

    /// The page written into `output` piece by piece (a row at a time), so a writer
    /// streaming it to a file never holds the whole page: ``head(_:)``, then ``body(_:into:)``.
    public static func render(_ model: DashboardModel, into output: inout some TextOutputStream) {
        output.write(head(model))
        body(model, into: &output)
    }

    /// The page's head and header, down to `<main>`: the only part that shows when
    /// the page was generated (the body depends on that time only through its day).
    public static func head(_ model: DashboardModel) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="nianbao">
        <title>年报报送情况</title>
        <style>
        \(DashboardStyle.css)
        </style>
        </head>
        <body>
        <header>
        <h1>政府信息公开工作年度报告 · 报送情况</h1>
        <p class="generated">生成于 <time datetime="\(model.clock.iso8601(model.generatedAt))">\(model.clock.minute(model.generatedAt))</time>（\(zoneName(model.clock))）</p>
        </header>
        <main>

        """
    }

    /// The rest of the page, after ``head(_:)``: years, verdicts, agencies, problems,
    /// the print-only findings, footer.
    public static func body(_ model: DashboardModel, into output: inout some TextOutputStream) {
        let today = model.clock.civilDate(model.generatedAt)
        output.write(DashboardYears.section(model.years, today: today))
        output.write(DashboardYears.distribution(model.verdicts))
        AgencyTable.section(model.agencies, clock: model.clock, into: &output)
        output.write(DropWatchTable.section(model.watching))
        output.write(ProblemTable.section(model.problems, clock: model.clock))
        AgencyTable.printFindings(model.agencies, into: &output)
        output.write("""
        </main>
        <footer>本页由 nianbao 在结论变化时自动生成；不含脚本，不访问网络，可直接打印（打印时附问题明细）。</footer>
        </body>
        </html>

        """)
    }

    /// "北京时间" for UTC+8, otherwise "UTC+5:30" and the like.
    static func zoneName(_ clock: DisplayClock) -> String {
        if clock.secondsFromGMT == 8 * 3600 { return "北京时间" }
        let offset = abs(clock.secondsFromGMT)
        let minutes = offset % 3600 / 60
        return "UTC" + (clock.secondsFromGMT < 0 ? "-" : "+") + "\(offset / 3600)" + (minutes == 0 ? "" : ":\(minutes < 10 ? "0" : "")\(minutes)")
    }
}
