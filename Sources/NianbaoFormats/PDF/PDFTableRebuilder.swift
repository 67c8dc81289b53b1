/// Rebuilds table rows from a document's visual lines, by geometry.
///
/// A data row is a line ending in numbers. Consecutive data rows (across page
/// breaks, with only label fragments between them) form a table block; its
/// number columns are found from the x-extent of all its numeric cells, so a
/// blank cell keeps its place. Label text is assembled into cells: the label
/// pieces on a data row's own line anchor that row's cells; a piece on a line
/// without numbers continues the cell above it in the same column, unless it
/// starts a new label ("1.", "（三）", "一、"), in which case it opens the cell
/// of the row below. Merged labels centred across several rows therefore land
/// in one of the rows they cover, never outside their group; the engine
/// identifies each row by its own label's meaning.
struct PDFTableRebuilder {
    /// A rebuilt line: the page it is on and its cells.
    struct Row: Equatable {
        var page: Int
        var cells: [String]
        /// Where the row stands in the document (page × 100 000 + its middle y).
        var key = 0.0
    }

    /// One page's lines, e.g. in tests: the cells of each output line.
    func rebuild(_ lines: [PDFLine]) -> [[String]] {
        rebuild(pages: [lines]).map(\.cells)
    }

    func rebuild(pages: [[PDFLine]]) -> [Row] {
        var placed: [PDFPlacedLine] = []
        for (page, lines) in pages.enumerated() {
            for line in lines { placed.append(PDFPlacedLine(line: line, page: page)) }
        }
        var output: [(key: Double, order: Int, row: Row)] = []
        var used = [Bool](repeating: false, count: placed.count)
        for block in PDFTableBlock.blocks(in: placed) {
            for entry in block.rows(placed) {
                output.append((entry.key, output.count, entry.row))
            }
            for index in block.consumed { used[index] = true }
        }
        for index in placed.indices where !used[index] {
            let line = placed[index]
            output.append((line.key, output.count, Row(page: line.page, cells: line.line.textCells)))
        }
        output.sort { ($0.key, $0.order) < ($1.key, $1.order) }
        return output.map { entry in
            var row = entry.row
            row.key = entry.key
            return row
        }
    }

    static func startsWithMarker(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(4))
        guard let first = scalars.first else { return false }
        if first == "（" || first == "(" { return true }
        let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        if numerals.contains(first), scalars.count > 1, scalars[1] == "、" { return true }
        if ("0"..."9").contains(first), scalars.count > 1, scalars[1] == "." || scalars[1] == "．" || scalars[1] == "、" {
            return true
        }
        return false
    }

    /// Joins wrapped text: no separator for Chinese, a space between Latin letters or digits.
    static func join(_ left: String, _ right: String) -> String {
        guard let last = left.unicodeScalars.last, let first = right.unicodeScalars.first else { return left + right }
        let latin = { (scalar: Unicode.Scalar) in scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) }
        return latin(last) && latin(first) ? left + " " + right : left + right
    }
}

/// A visual line with the page it is on; `key` orders lines through the document.
struct PDFPlacedLine {
    var line: PDFLine
    var page: Int

    var key: Double { Double(page) * 100_000 + line.midY }
    var top: Double { Double(page) * 100_000 + line.y0 }
    var bottom: Double { Double(page) * 100_000 + line.y1 }
}
