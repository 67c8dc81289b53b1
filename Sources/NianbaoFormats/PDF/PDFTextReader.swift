import CPoppler
import NianbaoEngine

/// Reads a PDF's text layer through poppler-glib. Tables drawn with ruling
/// lines are read from their cell grid (`PDFRulingExtractor`, `CellGridBuilder`,
/// `GridTableReader`); the rest of the page, borderless tables included, is
/// rebuilt from character boxes. Lines are located "第 P 页第 L 行".
struct PDFTextReader {
    let limits: ExtractionLimits
    /// Where OCR of scanned pages comes from (nil: Tesseract is not installed); called at the first scanned page.
    var tesseract: @Sendable () -> TesseractLibrary? = { TesseractLibrary.shared }

    /// What was read: the lines, and the tables read from their grids.
    struct Result {
        var sink: LineSink
        var tables: [GridTableReader.Table]
        /// Pages that hold table rows but no ruled grid (read by geometry).
        var borderlessPages: [Int]
        /// The table cells read by OCR on scanned pages, with their confidence.
        var scannedCells: [ScannedCell] = []
    }

    func read(_ bytes: [UInt8]) throws(ExtractionFailure) -> LineSink {
        try readTables(bytes).sink
    }

    func readTables(_ bytes: [UInt8]) throws(ExtractionFailure) -> Result {
        let document = try open(bytes)
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        let pageCount = Int(poppler_document_get_n_pages(document))
        var glyphTotal = 0
        let builder = PDFLineBuilder()
        var pages: [[PDFLine]] = []
        var tables: [GridTableReader.Table] = []
        var borderless: [Int] = []
        var previousHeldTable = false
        var scanner: ScannedPageReader?
        var scannedCells: [ScannedCell] = []
        var scannedPages = 0
        var scannedPageSet: Set<Int> = []
        for pageIndex in 0..<min(max(pageCount, 0), limits.maxPDFPages) {
            guard let page = poppler_document_get_page(document, Int32(pageIndex)) else {
                pages.append([])
                continue
            }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            var width = 0.0
            var height = 0.0
            poppler_page_get_size(page, &width, &height)
            // A page after one with table rows most likely holds table rows too: it is
            // drawn before its text is read, as poppler keeps the text it collects while
            // drawing, and its rules then cost no second pass over its content. Other
            // pages (text, scans, hostile glyph floods) are drawn only if they hold table rows.
            let drawnFirst = previousHeldTable ? PDFRulingExtractor().segments(of: page, width: width, height: height) : nil
            var glyphs = pageGlyphs(page)
            var scannedGrids: [CellGrid]?
            if !glyphs.contains(where: { !$0.scalar.properties.isWhitespace }), scannedPages < limits.maxScannedPages {
                scannedPages += 1
                scannedPageSet.insert(pageIndex)
                if scanner == nil { scanner = ScannedPageReader(library: tesseract()) }
                if let scanned = scanner?.read(page, index: pageIndex, width: width, height: height) {
                    glyphs = scanned.glyphs
                    scannedGrids = scanned.grids
                    scannedCells += scanned.cells
                }
            }
            glyphTotal += glyphs.count { !$0.scalar.properties.isWhitespace }
            var lines = builder.lines(from: glyphs)
            previousHeldTable = lines.contains(where: \.isDataRow)
            if previousHeldTable {
                let grids = scannedGrids ?? CellGridBuilder().grids(
                    drawnFirst ?? PDFRulingExtractor().segments(of: page, width: width, height: height))
                var taken = [Bool](repeating: false, count: glyphs.count)
                for grid in grids {
                    let read = GridTableReader.read(grid, glyphs: glyphs, page: pageIndex)
                    tables.append(read.table)
                    for index in taken.indices where read.taken[index] { taken[index] = true }
                }
                if !grids.isEmpty {
                    glyphs = glyphs.indices.filter { !taken[$0] }.map { glyphs[$0] }
                    lines = builder.lines(from: glyphs)
                }
                if lines.contains(where: \.isDataRow) { borderless.append(pageIndex) }
            }
            lines = PDFPageFurniture.withoutPageNumbers(lines, pageHeight: height)
            if pageIndex == 0 { lines = PDFTitleLines.joined(lines) }
            pages.append(lines)
        }
        guard glyphTotal > 0 else { throw scannedPages > 0 && scanner == nil ? .ocrUnavailable : .noTextLayer }
        tables = GridTableContinuation.joined(tables, bodyLines: pages.map { $0.map(\.midY) }, scannedPages: scannedPageSet)
        var rows = PDFTableRebuilder().rebuild(pages: PDFPageFurniture.withoutRepeatedHeaders(pages))
        for table in tables {
            for (cells, key) in zip(table.lines, table.rowKeys) {
                rows.append(PDFTableRebuilder.Row(page: table.page, cells: cells, key: Double(table.page) * 100_000 + key))
            }
        }
        let ordered = rows.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
        var sink = LineSink(maxLines: limits.maxLines)
        var lineOnPage: [Int: Int] = [:]
        for row in ordered {
            let line = lineOnPage[row.page, default: 0] + 1
            lineOnPage[row.page] = line
            try sink.appendRow(row.cells, at: "第 \(row.page + 1) 页第 \(line) 行" + ScannedRowNote.note(row, scannedCells, scannedPages: scannedPageSet))
        }
        if let first = borderless.first {
            let pages = borderless.map { "第 \($0 + 1) 页" }.joined(separator: "、")
            sink.notes.append(Finding(.pdfBorderlessTable, "\(pages)的表格没有框线，已按文字位置读取；请核对表格数字", at: "第 \(first + 1) 页"))
        }
        return Result(sink: sink, tables: tables, borderlessPages: borderless, scannedCells: scannedCells)
    }

    private func open(_ bytes: [UInt8]) throws(ExtractionFailure) -> OpaquePointer {
        let gbytes = bytes.withUnsafeBytes { buffer in g_bytes_new(buffer.baseAddress, gsize(buffer.count)) }
        defer { g_bytes_unref(gbytes) }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(gbytes, nil, &error) else {
            var encrypted = false
            var message = "PDF 无法解析"
            if let error {
                encrypted = error.pointee.domain == poppler_error_quark()
                    && error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue)
                if let text = error.pointee.message { message = "PDF 无法解析（\(String(cString: text))）" }
                g_error_free(error)
            }
            throw encrypted ? .noTextLayer : .broken(message)
        }
        return document
    }

    /// The characters of one page with their boxes, capped by the per-page limit.
    private func pageGlyphs(_ page: OpaquePointer) -> [PDFGlyph] {
        guard let cText = poppler_page_get_text(page) else { return [] }
        defer { g_free(cText) }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return [] }
        defer { g_free(rectangles) }
        let text = String(cString: cText)
        var glyphs: [PDFGlyph] = []
        let available = min(Int(count), limits.maxPDFCharactersPerPage)
        glyphs.reserveCapacity(min(available, 65_536))
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            guard offset < available else { break }
            guard scalar != "\n" else { continue }
            let box = rectangles[offset]
            glyphs.append(PDFGlyph(scalar: scalar, x0: min(box.x1, box.x2), y0: min(box.y1, box.y2),
                                   x1: max(box.x1, box.x2), y1: max(box.y1, box.y2)))
        }
        return glyphs
    }
}
