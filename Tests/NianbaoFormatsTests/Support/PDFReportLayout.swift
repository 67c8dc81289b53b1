import NianbaoTestSupport
@testable import NianbaoFormats

/// Lays a report out on A4 pages the way a word processor would: wrapped
/// paragraphs, and tables whose label cells wrap inside narrow columns with
/// the numbers vertically centred in the row.
struct PDFReportLayout {
    var margin = 50.0
    var textSize = 10.5
    var tableSize = 9.0
    var padding = 3.0
    private var writer = PDFWriter()
    private var page: [PDFWriter.Run] = []
    private var y = 0.0

    static func pdf(_ blocks: [Block]) -> [UInt8] {
        var layout = PDFReportLayout()
        layout.y = layout.margin
        for block in blocks {
            switch block {
            case .paragraph(let text): layout.paragraph(text)
            case .table(let rows): layout.table(rows)
            }
        }
        layout.finishPage()
        return layout.writer.data()
    }

    private var width: Double { 595 - 2 * margin }

    private mutating func finishPage() {
        writer.pages.append(page)
        page = []
        y = margin
    }

    private mutating func ensure(_ height: Double) {
        if y + height > 842 - margin { finishPage() }
    }

    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if PDFWriter.width(current + String(scalar), size: size) > width, !current.isEmpty {
                lines.append(current)
                current = ""
            }
            current.unicodeScalars.append(scalar)
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    private mutating func paragraph(_ text: String) {
        let height = textSize * 1.5
        for line in Self.wrap(text, width: width, size: textSize) {
            ensure(height)
            y += height
            page.append(.init(x: margin, y: y, size: textSize, text: line))
        }
    }

    private mutating func table(_ rows: [[String]]) {
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return }
        let numeric = (0..<columns).map { column in
            let cells = rows.compactMap { column < $0.count ? $0[column].trimmingSpaces : nil }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.filter(PDFSegment.isNumeric).count * 2 >= cells.count
        }
        let numericWidth = min(38, width / Double(columns))
        let labelCount = numeric.filter { !$0 }.count
        let labelWidth = labelCount > 0 ? (width - numericWidth * Double(columns - labelCount)) / Double(labelCount) : 0
        let widths = numeric.map { $0 ? numericWidth : labelWidth }
        let lineHeight = tableSize * 1.3
        y += 4
        for row in rows {
            let wrapped = (0..<columns).map { column -> [String] in
                let text = column < row.count ? row[column].trimmingSpaces : ""
                return text.isEmpty ? [] : Self.wrap(text, width: widths[column] - 2 * padding, size: tableSize)
            }
            let lines = max(wrapped.map(\.count).max() ?? 1, 1)
            let height = Double(lines) * lineHeight + 2 * padding
            ensure(height)
            var x = margin
            for column in 0..<columns {
                let cell = wrapped[column]
                let top = y + padding + (Double(lines - cell.count) * lineHeight) / 2
                for (index, line) in cell.enumerated() {
                    let lineWidth = PDFWriter.width(line, size: tableSize)
                    let left = numeric[column] ? x + (widths[column] - lineWidth) / 2 : x + padding
                    page.append(.init(x: left, y: top + Double(index + 1) * lineHeight - 0.25 * tableSize, size: tableSize, text: line))
                }
                x += widths[column]
            }
            y += height
        }
        y += 4
    }
}
