/// Reads one table cell of a scan, its rules removed (`CellInk`). A cell whose
/// strokes are shaped like digits (`NumberShape`) is read as a number, several
/// times with a digits-only whitelist, the readings that fit the strokes voting;
/// its confidence is the share of readings that agree. Any other cell is read as
/// Chinese text and snapped to the template's labels.
struct CellRecognizer {
    let chinese: TextRecognizer
    let digits: TextRecognizer

    struct Reading {
        var text: String
        var confidence: Double
        var isNumber: Bool
        /// The ink's box in image pixels.
        var box: (x0: Int, y0: Int, x1: Int, y1: Int)
    }

    /// The cell's reading, or nil if it holds no ink. The rectangle runs between the middles of the cell's rules.
    func read(_ image: GrayImage, x0: Int, y0: Int, x1: Int, y1: Int) -> Reading? {
        let cell = CellInk().clean(image, x0: x0, y0: y0, x1: x1, y1: y1)
        guard let ink = cell.box, ink.y1 - ink.y0 >= 8 else { return nil }
        let box = (x0: x0 + ink.x0, y0: y0 + ink.y0, x1: x0 + ink.x1, y1: y0 + ink.y1)
        let crop = cell.image.crop(x0: ink.x0 - 2, y0: ink.y0 - 2, x1: ink.x1 + 2, y1: ink.y1 + 2, margin: 12)
        let shape = NumberShape(crop)
        if let shape, let number = number(crop, shape: shape) {
            return Reading(text: number.text, confidence: number.confidence, isNumber: true, box: box)
        }
        let text = chinese.read(crop, layout: .block)
        let reading = text.text.filter { !$0.isWhitespace }
        // Ink that the digit readings lost or that is not shaped like digits, read as digits (or marks like
        // them: "]" for 1) and no Chinese: a number with no confidence, so any identity through it is only uncertain.
        let digits = Self.digitLookalikes(reading)
        if !digits.isEmpty, digits.allSatisfy({ $0.isNumber || $0 == "." }), digits.contains(where: \.isNumber) {
            return Reading(text: digits, confidence: 0, isNumber: true, box: box)
        }
        return Reading(text: TemplateLabels.snapped(reading), confidence: text.confidence, isNumber: false, box: box)
    }

    /// A reading with the marks OCR confuses with digits ("]" and "l" for 1, "O" for 0…) taken as those
    /// digits if that leaves only digits; else the reading as it is.
    static func digitLookalikes(_ reading: String) -> String {
        let lookalikes: [Character: Character] = ["]": "1", "[": "1", "|": "1", "l": "1", "I": "1", "i": "1", "!": "1",
                                                  "O": "0", "o": "0", "D": "0", "Q": "0", "S": "5", "s": "5",
                                                  "B": "8", "Z": "2", "z": "2", "g": "9"]
        let mapped = String(reading.map { lookalikes[$0] ?? $0 })
        return mapped.allSatisfy({ $0.isNumber || $0 == "." }) ? mapped : reading
    }

    /// The number read one stroke group at a time (a digit as one character; digits run together as one
    /// line), the point put where the strokes show it: Tesseract's line reading drops a "1" beside another.
    private func glyphByGlyph(_ crop: GrayImage, shape: NumberShape) -> (text: String, confidence: Double) {
        var text = ""
        var confidence = 100.0
        for (index, glyph) in shape.glyphs.enumerated() {
            if index == shape.pointAfter { text += "." }
            let piece = crop.crop(x0: glyph.x0 - 4, y0: 0, x1: glyph.x1 + 4, y1: crop.height, margin: 10)
            let reading = digits.read(piece, layout: glyph.digits == 1 ? .character : .singleLine, whitelist: "0123456789")
            let read = reading.text.filter(\.isNumber)
            guard read.count == glyph.digits || glyph.digits > 1 && !read.isEmpty else { return ("", 0) }
            text += read
            confidence = min(confidence, reading.confidence)
        }
        return (text, confidence)
    }

    /// A reading as a number, or nil if the ink does not read as digits. The grey crop is read as one
    /// line (Tesseract binarises it itself) and as a raw line; where these disagree or do not fit the
    /// strokes (`NumberShape`: as many digits as there are digit-shaped strokes), twice the size, black
    /// and white, and one stroke group at a time (grey and black and white) too. The readings that fit
    /// the strokes vote; the confidence is the winner's share of them, lower if only one reading gave it.
    private func number(_ crop: GrayImage, shape: NumberShape) -> (text: String, confidence: Double)? {
        let whitelist = shape.hasPoint ? "0123456789." : "0123456789"
        var readings: [(text: String, confidence: Double)] = []
        let variants: [(GrayImage, TextRecognizer.Layout)] = [
            (crop, .singleLine), (crop, .rawLine), (crop.scaled(2), .singleLine), (crop.binarised(crop.otsuThreshold()), .singleLine),
        ]
        for (index, (image, layout)) in variants.enumerated() {
            if index == 2, readings[0].text == readings[1].text, shape.admits(readings[0].text) { break }
            let reading = digits.read(image, layout: layout, whitelist: whitelist)
            readings.append((reading.text.filter { !$0.isWhitespace }, reading.confidence))
            if index == 3 {
                readings.append(glyphByGlyph(crop, shape: shape))
                readings.append(glyphByGlyph(crop.binarised(crop.otsuThreshold()), shape: shape))
            }
        }
        var votes: [String: (count: Int, confidence: Double)] = [:]
        for (value, confidence) in readings where shape.admits(value) {
            votes[value, default: (0, 0)].count += 1
            votes[value, default: (0, 0)].confidence += confidence
        }
        guard let best = votes.max(by: { ($0.value.count, $0.value.confidence) < ($1.value.count, $1.value.confidence) }) else { return nil }
        // Digits Tesseract itself hardly believes in are no number: Chinese forced through the whitelist.
        let tesseract = best.value.confidence / Double(best.value.count)
        guard tesseract >= 30 else { return nil }
        // Readings that fit the strokes and say otherwise count against the winner; an empty reading or one
        // with a digit too few (the strokes show it lost one) says nothing. One reading alone is not enough.
        let against = votes.values.reduce(0) { $0 + $1.count } - best.value.count
        let agreement = Double(best.value.count) / Double(best.value.count + against)
        return (best.key, 100 * agreement * (best.value.count >= 2 ? 1 : 0.7))
    }
}
