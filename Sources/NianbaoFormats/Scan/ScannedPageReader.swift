import Foundation

/// Reads a page that has no text layer (a scan) by OCR: the page is rendered,
/// the red seal removed, the page deskewed from its ruling lines, the rules
/// found in the pixels and built into cell grids, each cell read on its own
/// (`CellRecognizer`), and the rest of the page read as text. The result is
/// what the text layer would have given: glyphs and grids in page points.
final class ScannedPageReader {
    /// What OCR made of one page.
    struct Page {
        /// Body text and cell text, in page points.
        var glyphs: [PDFGlyph]
        /// The tables' grids, in page points.
        var grids: [CellGrid]
        /// Each non-empty table cell with its reading and confidence.
        var cells: [ScannedCell]
    }

    private let renderer = PageRenderer()
    private let cellReader: CellRecognizer
    private let chinese: TextRecognizer

    /// A reader, or nil if libtesseract or its Chinese or English data is missing.
    init?(library: TesseractLibrary? = .shared) {
        guard let chinese = TextRecognizer(language: "chi_sim", library: library),
              let digits = TextRecognizer(language: "eng", library: library) else { return nil }
        self.chinese = chinese
        cellReader = CellRecognizer(chinese: chinese, digits: digits)
    }

    func read(_ page: OpaquePointer, index: Int, width: Double, height: Double) -> Page {
        guard width > 0, var image = renderer.render(page, width: width, height: height) else { return Page(glyphs: [], grids: [], cells: []) }
        let scale = Double(image.width) / width
        let rulings = PixelRulings()
        let angle = rulings.skew(image)
        image = image.rotated(angle)
        // Specks (scanner dust, noise) read as strokes and marks; a speck is a few pixels at 300 dpi.
        image = image.despeckled(maxArea: max(2, Int(10 * (scale * 72 / 300) * (scale * 72 / 300))))
        let segments = rulings.segments(image).map { segment in
            RulingSegment(axis: segment.axis, position: segment.position / scale, start: segment.start / scale,
                          end: segment.end / scale, width: segment.width / scale)
        }
        let builder = CellGridBuilder()
        let kept = GridSlivers().removed(from: segments)
        let found = builder.grids(kept)
        let bridged = GridGaps().bridged(kept, grids: found, image: image, scale: scale)
        let grids = (bridged.count == kept.count ? found : builder.grids(bridged)).filter(Self.holdsText)
        var glyphs: [PDFGlyph] = []
        var cells: [ScannedCell] = []
        var body = image
        for (table, grid) in grids.enumerated() {
            for cell in grid.cells {
                let x0 = Int(grid.xs[cell.column] * scale), x1 = Int(grid.xs[cell.column + cell.columnSpan] * scale)
                let y0 = Int(grid.ys[cell.row] * scale), y1 = Int(grid.ys[cell.row + cell.rowSpan] * scale)
                guard let reading = cellReader.read(image, x0: x0, y0: y0, x1: x1, y1: y1) else {
                    // A cell left blank, or whose ink the scan lost: a number beside it may be missing.
                    cells.append(ScannedCell(page: index, table: table, row: cell.row, column: cell.column, text: "", confidence: 0,
                                             isNumber: false, midY: (grid.ys[cell.row] + grid.ys[cell.row + 1]) / 2))
                    continue
                }
                cells.append(ScannedCell(page: index, table: table, row: cell.row, column: cell.column,
                                         text: reading.text, confidence: reading.confidence, isNumber: reading.isNumber,
                                         midY: (grid.ys[cell.row] + grid.ys[cell.row + 1]) / 2))
                glyphs += Self.glyphs(reading.text, x0: Double(reading.box.x0) / scale, y0: Double(reading.box.y0) / scale,
                                      x1: Double(reading.box.x1) / scale, y1: Double(reading.box.y1) / scale)
            }
            let left = Int(grid.xs[0] * scale) - 6, right = Int(grid.xs[grid.xs.count - 1] * scale) + 6
            let top = Int(grid.ys[0] * scale) - 6, bottom = Int(grid.ys[grid.ys.count - 1] * scale) + 6
            for y in max(0, top)..<min(body.height, bottom) {
                for x in max(0, left)..<min(body.width, right) { body[x, y] = 255 }
            }
        }
        for line in TextLineFinder().lines(body) {
            let crop = body.crop(x0: line.x0 - 4, y0: line.y0 - 4, x1: line.x1 + 4, y1: line.y1 + 4, margin: 12)
            let reading = chinese.read(crop, layout: .singleLine)
            guard reading.confidence > 10 else { continue }
            let text = TemplateLabels.snapped(Self.joined(reading.text), to: TemplateLabels.headings)
            guard !text.isEmpty else { continue }
            glyphs += Self.glyphs(text, x0: Double(line.x0) / scale, y0: Double(line.y0) / scale,
                                  x1: Double(line.x1) / scale, y1: Double(line.y1) / scale)
        }
        return Page(glyphs: glyphs, grids: grids, cells: cells)
    }

    /// Whether a grid found in the pixels can be a table: at least two columns and two rows, or one row
    /// tall enough for a line of text (the last row of a table that ran onto the next page), none of
    /// them too small to hold a line of text. The strokes of large bold type (a title) can line up
    /// like rules, but the "cells" between them are slivers.
    static func holdsText(_ grid: CellGrid) -> Bool {
        guard grid.columnCount >= 2, grid.rowCount >= 2 || (grid.rowCount == 1 && grid.ys[1] - grid.ys[0] >= 14) else { return false }
        return zip(grid.xs, grid.xs.dropFirst()).allSatisfy { $1 - $0 >= 12 } && zip(grid.ys, grid.ys.dropFirst()).allSatisfy { $1 - $0 >= 8 }
    }

    /// A recognised line as it was printed: Tesseract's spaces between Chinese
    /// characters (or a Chinese character and a digit) dropped, other spaces kept.
    static func joined(_ text: String) -> String {
        let characters = Array(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var result = ""
        for (index, character) in characters.enumerated() {
            if character.isWhitespace {
                let before = characters[..<index].last { !$0.isWhitespace }
                let after = characters[(index + 1)...].first { !$0.isWhitespace }
                if let before, let after, before.isASCII, after.isASCII, !result.hasSuffix(" ") { result.append(" ") }
                continue
            }
            result.append(character)
        }
        return result
    }

    /// A text's characters spread evenly over a box on one line.
    static func glyphs(_ text: String, x0: Double, y0: Double, x1: Double, y1: Double) -> [PDFGlyph] {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return [] }
        let step = (x1 - x0) / Double(scalars.count)
        return scalars.enumerated().map { offset, scalar in
            PDFGlyph(scalar: scalar, x0: x0 + Double(offset) * step, y0: y0, x1: x0 + Double(offset + 1) * step, y1: y1)
        }
    }
}

/// One table cell read by OCR.
struct ScannedCell: Sendable, Hashable {
    var page: Int
    var table: Int
    var row: Int
    var column: Int
    var text: String
    /// 0–100: Tesseract's confidence, lowered where the readings disagreed.
    var confidence: Double
    var isNumber: Bool
    /// The middle of the cell's first grid row, in page points.
    var midY: Double

    /// Below this a number's reading is doubtful (two of three readings agreeing give at most 67).
    static let lowConfidence = 75.0
}
