import CTesseract

/// Tesseract through its C API: one engine for one language, reading 8-bit
/// grey images (0 black … 255 white). Not thread-safe; one per reader.
final class TextRecognizer {
    /// Where Debian's tesseract-ocr-* packages put the trained data.
    static let dataPath = "/usr/share/tesseract-ocr/5/tessdata"

    /// How the image is laid out for Tesseract.
    enum Layout {
        /// One line of text (PSM 7).
        case singleLine
        /// A block of lines (PSM 6).
        case block
    }

    /// One recognised word with its box in image pixels.
    struct Word {
        var text: String
        var confidence: Double
        var x0: Int, y0: Int, x1: Int, y1: Int
    }

    private let handle: OpaquePointer

    /// An engine for `language` ("chi_sim", "eng"), or nil if its data is missing.
    init?(language: String, dataPath: String = TextRecognizer.dataPath) {
        guard let handle = TessBaseAPICreate() else { return nil }
        guard TessBaseAPIInit2(handle, dataPath, language, OEM_LSTM_ONLY) == 0 else {
            TessBaseAPIDelete(handle)
            return nil
        }
        self.handle = handle
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// The text of an image and Tesseract's mean confidence (0–100).
    func read(_ image: GrayImage, layout: Layout, whitelist: String = "") -> (text: String, confidence: Double) {
        prepare(image, layout: layout, whitelist: whitelist)
        guard TessBaseAPIRecognize(handle, nil) == 0, let text = TessBaseAPIGetUTF8Text(handle) else { return ("", 0) }
        defer { TessDeleteText(text) }
        return (String(cString: text), Double(TessBaseAPIMeanTextConf(handle)))
    }

    /// The lines (or words) of an image with their boxes.
    func words(_ image: GrayImage, layout: Layout, level: TessPageIteratorLevel = RIL_WORD) -> [Word] {
        prepare(image, layout: layout, whitelist: "")
        guard TessBaseAPIRecognize(handle, nil) == 0, let iterator = TessBaseAPIGetIterator(handle) else { return [] }
        defer { TessResultIteratorDelete(iterator) }
        var result: [Word] = []
        let page = TessResultIteratorGetPageIterator(iterator)
        repeat {
            guard let text = TessResultIteratorGetUTF8Text(iterator, level) else { continue }
            defer { TessDeleteText(text) }
            var x0: Int32 = 0, y0: Int32 = 0, x1: Int32 = 0, y1: Int32 = 0
            guard TessPageIteratorBoundingBox(page, level, &x0, &y0, &x1, &y1) != 0 else { continue }
            result.append(Word(text: String(cString: text), confidence: Double(TessResultIteratorConfidence(iterator, level)),
                               x0: Int(x0), y0: Int(y0), x1: Int(x1), y1: Int(y1)))
        } while TessResultIteratorNext(iterator, level) != 0
        return result
    }

    private func prepare(_ image: GrayImage, layout: Layout, whitelist: String) {
        TessBaseAPIClear(handle)
        TessBaseAPISetPageSegMode(handle, layout == .singleLine ? PSM_SINGLE_LINE : PSM_SINGLE_BLOCK)
        TessBaseAPISetVariable(handle, "tessedit_char_whitelist", whitelist)
        TessBaseAPISetVariable(handle, "user_defined_dpi", "300")
        image.pixels.withUnsafeBufferPointer { buffer in
            TessBaseAPISetImage(handle, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
    }
}
