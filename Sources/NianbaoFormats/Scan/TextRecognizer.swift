/// Tesseract through its C API (`TesseractLibrary`, loaded on first use): one
/// engine for one language, reading 8-bit grey images (0 black … 255 white).
/// Not thread-safe; one per reader.
final class TextRecognizer {
    /// Where Debian's tesseract-ocr-* packages put the trained data.
    static let dataPath = "/usr/share/tesseract-ocr/5/tessdata"

    /// How the image is laid out for Tesseract.
    enum Layout {
        /// One line of text (PSM 7).
        case singleLine
        /// One line, bypassing Tesseract's own layout analysis (PSM 13).
        case rawLine
        /// A block of lines (PSM 6).
        case block
        /// One character (PSM 10).
        case character
    }

    /// One recognised word with its box in image pixels.
    struct Word {
        var text: String
        var confidence: Double
        var x0: Int, y0: Int, x1: Int, y1: Int
    }

    private let api: TesseractLibrary
    private let handle: OpaquePointer

    /// An engine for `language` ("chi_sim", "eng"), or nil if libtesseract or the language's data is missing.
    init?(language: String, dataPath: String = TextRecognizer.dataPath, library: TesseractLibrary? = .shared) {
        guard let api = library, let handle = api.create() else { return nil }
        guard api.initialise(handle, dataPath, language, TesseractLibrary.oemLSTMOnly) == 0 else {
            api.delete(handle)
            return nil
        }
        self.api = api
        self.handle = handle
    }

    deinit {
        api.end(handle)
        api.delete(handle)
    }

    /// The text of an image and Tesseract's mean confidence (0–100).
    func read(_ image: GrayImage, layout: Layout, whitelist: String = "") -> (text: String, confidence: Double) {
        prepare(image, layout: layout, whitelist: whitelist)
        guard api.recognize(handle, nil) == 0, let text = api.utf8Text(handle) else { return ("", 0) }
        defer { api.deleteText(text) }
        return (String(cString: text), Double(api.meanTextConf(handle)))
    }

    /// The lines (or words) of an image with their boxes.
    func words(_ image: GrayImage, layout: Layout, level: Int32 = TesseractLibrary.rilWord) -> [Word] {
        prepare(image, layout: layout, whitelist: "")
        guard api.recognize(handle, nil) == 0, let iterator = api.iterator(handle) else { return [] }
        defer { api.iteratorDelete(iterator) }
        guard let page = api.iteratorPage(iterator) else { return [] }
        var result: [Word] = []
        repeat {
            guard let text = api.iteratorText(iterator, level) else { continue }
            defer { api.deleteText(text) }
            var x0: Int32 = 0, y0: Int32 = 0, x1: Int32 = 0, y1: Int32 = 0
            guard api.boundingBox(page, level, &x0, &y0, &x1, &y1) != 0 else { continue }
            result.append(Word(text: String(cString: text), confidence: Double(api.iteratorConfidence(iterator, level)),
                               x0: Int(x0), y0: Int(y0), x1: Int(x1), y1: Int(y1)))
        } while api.iteratorNext(iterator, level) != 0
        return result
    }

    private func prepare(_ image: GrayImage, layout: Layout, whitelist: String) {
        api.clear(handle)
        let mode = switch layout {
        case .singleLine: TesseractLibrary.psmSingleLine
        case .rawLine: TesseractLibrary.psmRawLine
        case .block: TesseractLibrary.psmSingleBlock
        case .character: TesseractLibrary.psmSingleCharacter
        }
        api.setPageSegMode(handle, mode)
        _ = api.setVariable(handle, "tessedit_char_whitelist", whitelist)
        _ = api.setVariable(handle, "user_defined_dpi", "300")
        image.pixels.withUnsafeBufferPointer { buffer in
            api.setImage(handle, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
    }
}
