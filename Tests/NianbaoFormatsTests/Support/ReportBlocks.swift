import NianbaoTestSupport
@testable import NianbaoFormats

/// A report as paragraphs and tables, read from a text form in which table
/// rows are tab-separated lines. The source for generated .docx/.html/.pdf.
enum Block: Equatable {
    case paragraph(String)
    case table([[String]])
}

enum ReportBlocks {
    /// Lines with a tab are table rows (consecutive ones form one table); Markdown "#" markers are dropped.
    static func parse(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var rows: [[String]] = []
        func closeTable() {
            if !rows.isEmpty { blocks.append(.table(rows)) }
            rows = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw.hasSuffix("\r") ? raw.dropLast() : raw)
            if line.contains("\t") {
                rows.append(line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
                continue
            }
            closeTable()
            var paragraph = Substring(line)
            while paragraph.hasPrefix("#") { paragraph = paragraph.dropFirst() }
            let cleaned = LineSink.cleanCell(String(paragraph))
            if !cleaned.isEmpty { blocks.append(.paragraph(cleaned)) }
        }
        closeTable()
        return blocks
    }

    /// The lines an extractor should produce for tables written with `spans`: each
    /// merged cell once, cleaned, cells joined by tabs.
    static func expectedRows(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            guard case .table(let rows) = block else { return [] }
            return rows.map { spans($0).map { LineSink.cleanCell($0.text) }.joined(separator: "\t") }
        }
    }

    static func paragraphs(_ blocks: [Block]) -> [String] {
        blocks.compactMap { if case .paragraph(let text) = $0 { return text } else { return nil } }
    }

    /// A row as spans: a non-empty cell absorbs the empty cells after it; leading empty cells stay single.
    static func spans(_ row: [String]) -> [(text: String, span: Int, continuation: Bool)] {
        var result: [(text: String, span: Int, continuation: Bool)] = []
        var index = 0
        while index < row.count {
            let text = row[index]
            if text.trimmingSpaces.isEmpty && (result.isEmpty || result.last?.continuation == true) {
                result.append(("", 1, true))
                index += 1
                continue
            }
            var span = 1
            while index + span < row.count, row[index + span].trimmingSpaces.isEmpty { span += 1 }
            result.append((text, span, false))
            index += span
        }
        return result
    }
}

extension String {
    var trimmingSpaces: String { LineSink.cleanCell(self) }
}
