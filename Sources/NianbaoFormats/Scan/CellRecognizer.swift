/// Reads one table cell of a scan. A cell whose ink is one short line shaped
/// like digits is read as a number: a single line with a digits-only
/// whitelist, at two binarisation thresholds and, where those disagree, a
/// third time at twice the size, the majority taken; its confidence is the share of readings
/// that agree (halved where Tesseract itself gives under 10). Any other cell is read as Chinese text.
struct CellRecognizer {
    let chinese: TextRecognizer
    let digits: TextRecognizer
    /// Pixels kept clear of the cell's rules.
    var inset = 7
    /// Darker than this is ink.
    var ink: UInt8 = 150

    struct Reading {
        var text: String
        var confidence: Double
        var isNumber: Bool
        /// The ink's box in image pixels.
        var box: (x0: Int, y0: Int, x1: Int, y1: Int)
    }

    /// The cell's reading, or nil if it holds no ink.
    func read(_ image: GrayImage, x0: Int, y0: Int, x1: Int, y1: Int) -> Reading? {
        guard let box = inkBox(image, x0: x0 + inset, y0: y0 + inset, x1: x1 - inset, y1: y1 - inset) else { return nil }
        let crop = image.crop(x0: box.x0 - 2, y0: box.y0 - 2, x1: box.x1 + 2, y1: box.y1 + 2, margin: 12)
        let inkWidth = Double(box.x1 - box.x0), inkHeight = Double(box.y1 - box.y0)
        let digitSized = inkHeight < 70 && inkWidth < 6 * inkHeight
        if digitSized, let number = number(crop, inkWidth: inkWidth, inkHeight: inkHeight) {
            return Reading(text: number.text, confidence: number.confidence, isNumber: true, box: box)
        }
        let text = chinese.read(crop, layout: .block)
        let reading = text.text.filter { !$0.isWhitespace }
        // Ink the size of a number that the digit readings lost ("1" often comes back empty or as "]"), read
        // as no Chinese at all: a number with no confidence, so any identity through it is only uncertain.
        if digitSized, !reading.isEmpty, !reading.unicodeScalars.contains(where: { $0.properties.isIdeographic }) {
            return Reading(text: Self.digitLookalikes(reading), confidence: 0, isNumber: true, box: box)
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
        return mapped.allSatisfy(\.isNumber) ? mapped : reading
    }

    /// A reading as a number, or nil if the ink does not read as digits.
    private func number(_ crop: GrayImage, inkWidth: Double, inkHeight: Double) -> (text: String, confidence: Double)? {
        let whitelist = "0123456789"
        let first = digits.read(crop.binarised(150), layout: .singleLine, whitelist: whitelist)
        let text = first.text.filter(\.isNumber)
        guard !text.isEmpty, first.confidence >= 5, text.count == first.text.filter({ !$0.isWhitespace }).count else { return nil }
        // Digits are about 0.55 of their height wide; Chinese characters as wide as tall.
        let expected = inkWidth / (0.55 * inkHeight)
        guard Double(text.count) + 1.2 >= expected else { return nil }
        var readings = [(text, first.confidence)]
        // A second reading at another threshold; a third (twice the size) only where they disagree.
        for variant in [crop.binarised(200), crop.scaled(2)] {
            if readings.count == 2, readings[0].0 == readings[1].0 { break }
            let again = digits.read(variant, layout: .singleLine, whitelist: whitelist)
            readings.append((again.text.filter(\.isNumber), again.confidence))
        }
        var votes: [String: (count: Int, confidence: Double)] = [:]
        for (value, confidence) in readings where !value.isEmpty {
            votes[value, default: (0, 0)].count += 1
            votes[value, default: (0, 0)].confidence += confidence
        }
        guard let best = votes.max(by: { ($0.value.count, $0.value.confidence) < ($1.value.count, $1.value.confidence) }) else { return nil }
        // Tesseract's own confidence in one or two whitelisted digits is low and flat (≈30 for a clear
        // "0"), so the agreement of the readings is the measure; a near-zero score still marks a doubt.
        let agreement = Double(best.value.count) / Double(readings.count)
        let tesseract = best.value.confidence / Double(best.value.count)
        return (best.key, 100 * agreement * (tesseract < 10 ? 0.5 : 1))
    }

    /// The box of the cell's ink: rows and columns with at least three dark pixels (specks ignored).
    private func inkBox(_ image: GrayImage, x0: Int, y0: Int, x1: Int, y1: Int) -> (x0: Int, y0: Int, x1: Int, y1: Int)? {
        let left = max(0, x0), right = min(image.width, x1), top = max(0, y0), bottom = min(image.height, y1)
        guard right - left > 4, bottom - top > 4 else { return nil }
        var rows = [Int](repeating: 0, count: bottom - top)
        var columns = [Int](repeating: 0, count: right - left)
        for y in top..<bottom {
            for x in left..<right where image[x, y] < ink {
                rows[y - top] += 1
                columns[x - left] += 1
            }
        }
        guard let firstRow = rows.firstIndex(where: { $0 >= 3 }), let lastRow = rows.lastIndex(where: { $0 >= 3 }),
              let firstColumn = columns.firstIndex(where: { $0 >= 3 }), let lastColumn = columns.lastIndex(where: { $0 >= 3 }),
              lastRow - firstRow >= 8 else { return nil }
        return (left + firstColumn, top + firstRow, left + lastColumn + 1, top + lastRow + 1)
    }
}
