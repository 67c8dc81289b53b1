import CPoppler

/// Reads a PDF's text layer through poppler-glib and rebuilds lines and table
/// rows from character boxes. Lines are located "第 P 页第 L 行".
struct PDFTextReader {
    let limits: ExtractionLimits

    func read(_ bytes: [UInt8]) throws(ExtractionFailure) -> LineSink {
        let document = try open(bytes)
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        let pageCount = Int(poppler_document_get_n_pages(document))
        var sink = LineSink(maxLines: limits.maxLines)
        var glyphTotal = 0
        let builder = PDFLineBuilder()
        var pages: [[PDFLine]] = []
        for pageIndex in 0..<min(max(pageCount, 0), limits.maxPDFPages) {
            let (glyphs, height) = pageGlyphs(document, pageIndex)
            glyphTotal += glyphs.count { !$0.scalar.properties.isWhitespace }
            pages.append(PDFPageFurniture.withoutPageNumbers(builder.lines(from: glyphs), pageHeight: height))
        }
        var lineOnPage: [Int: Int] = [:]
        for row in PDFTableRebuilder().rebuild(pages: PDFPageFurniture.withoutRepeatedHeaders(pages)) {
            let line = lineOnPage[row.page, default: 0] + 1
            lineOnPage[row.page] = line
            try sink.appendRow(row.cells, at: "第 \(row.page + 1) 页第 \(line) 行")
        }
        guard glyphTotal > 0 else { throw .noTextLayer }
        return sink
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

    /// The characters of one page with their boxes, capped by the per-page limit, and the page's height.
    private func pageGlyphs(_ document: OpaquePointer, _ index: Int) -> ([PDFGlyph], height: Double) {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return ([], 0) }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard let cText = poppler_page_get_text(page) else { return ([], height) }
        defer { g_free(cText) }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return ([], height) }
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
        return (glyphs, height)
    }
}
