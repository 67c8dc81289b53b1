import NianbaoTestSupport
/// Writes report pages the way agency sites do: a table per table, `<p>` per paragraph.
enum HTMLWriter {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    static func page(_ blocks: [Block], charset: String) -> String {
        var body = ""
        for block in blocks {
            switch block {
            case .paragraph(let text):
                body += "<p style=\"text-indent:2em\">\(escape(text))</p>\n"
            case .table(let rows):
                body += "<table border=\"1\">\n<tbody>\n"
                for row in rows {
                    body += "<tr>"
                    for cell in ReportBlocks.spans(row) {
                        let span = cell.span > 1 ? " colspan=\"\(cell.span)\"" : ""
                        let content = cell.text.isEmpty ? "&nbsp;" : "<span>\(escape(cell.text))</span>"
                        body += "<td\(span)>\(content)</td>"
                    }
                    body += "</tr>\n"
                }
                body += "</tbody></table>\n"
            }
        }
        return """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=\(charset)">
        <title>政府信息公开</title><style>td { padding: 2px; }</style>
        <script>var a = "<table><tr><td>9</td></tr></table>";</script></head>
        <body><div class="nav">首页 &gt; 政务公开</div><div class="content">
        \(body)</div><!-- 页脚 <p>不应出现</p> --></body></html>
        """
    }
}
