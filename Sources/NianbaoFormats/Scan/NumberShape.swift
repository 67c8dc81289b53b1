/// Whether a cell's ink is shaped like a number, and how many digits it shows,
/// from its connected strokes alone. Printed digits are each one stroke group as
/// tall as the line and narrower than tall; a decimal point is a dot at the
/// foot. A Chinese character has strokes of many heights (dots, radicals) or is
/// as wide as tall, so a label never passes for a number, and a digit that OCR
/// drops ("1" in "11") shows as a reading with too few digits.
struct NumberShape {
    /// How many digits the strokes show.
    var digits: Int
    /// The digits' stroke groups left to right (their columns, and how many digits each holds).
    var glyphs: [(x0: Int, x1: Int, digits: Int)]
    /// How many of those groups stand before the decimal point, if there is one.
    var pointAfter: Int?
    /// Whether two digits run together somewhere (blur), so the count may be one short.
    var merged: Bool
    /// Whether there is a decimal point.
    var hasPoint: Bool

    /// The shape of the ink in `image` (rules already removed), or nil if it is not a number.
    init?(_ image: GrayImage, threshold: UInt8 = 170) {
        let components = Self.components(image, threshold: threshold).filter { $0.area > 4 }
        guard let height = components.map(\.height).max(), height >= 8,
              let top = components.map(\.y0).min(), let bottom = components.map(\.y1).max() else { return nil }
        var digits = 0, merged = false, points = 0, pointX = 0
        var glyphs: [(x0: Int, x1: Int, digits: Int)] = []
        let tall = components.filter { $0.height * 10 >= height * 7 }
        for component in components {
            if component.height * 10 >= height * 7 {
                // A digit (or two or three run together): as tall as the line, at most ~0.8 of its height wide each.
                guard component.y0 - top <= height / 4, bottom - component.y1 <= height / 4 else { return nil }
                let ratio = Double(component.width) / Double(component.height)
                let count = max(1, Int((ratio / 0.62).rounded()))
                if count == 1, ratio > 0.9 { return nil }
                if count > 1 { merged = true }
                digits += count
                glyphs.append((component.x0, component.x1, count))
            } else if tall.contains(where: { component.x0 < $0.x1 && $0.x0 < component.x1 }) {
                // A piece the scan broke off a digit, above or below it (the bar of a 5, the ball of a 2).
                continue
            } else if component.height * 10 <= height * 3, component.width * 10 <= height * 4 {
                // A dot standing clear of the digits on both sides, between two of them at their foot, is a
                // decimal point; one close beside a digit is a bit broken off it (the ball of a "3").
                let gap = max(3, height / 10)
                let left = tall.filter { $0.x1 <= component.x0 }.map(\.x1).max()
                let right = tall.filter { $0.x0 >= component.x1 }.map(\.x0).min()
                if let left, let right, component.x0 - left >= gap, right - component.x1 >= gap, bottom - component.y1 <= height / 5 {
                    points += 1
                    pointX = component.x0
                } else if tall.contains(where: { component.x1 + height * 4 / 10 >= $0.x0 && component.x0 <= $0.x1 + height * 4 / 10 }) {
                    continue
                } else if component.area >= 20 {
                    return nil
                }
            } else {
                return nil
            }
        }
        guard digits > 0, points <= 1 else { return nil }
        // Digits of one number stand close; two groups far apart are two numbers (a rule between them missed).
        let sorted = glyphs.sorted { $0.x0 < $1.x0 }
        guard zip(sorted, sorted.dropFirst()).allSatisfy({ $1.x0 - $0.x1 <= height * 8 / 10 }) else { return nil }
        self.digits = digits
        self.merged = merged
        self.glyphs = glyphs.sorted { $0.x0 < $1.x0 }
        hasPoint = points == 1
        pointAfter = hasPoint ? glyphs.count(where: { $0.x1 <= pointX }) : nil
    }

    /// Whether a reading (digits and at most one point) agrees with the strokes.
    func admits(_ reading: String) -> Bool {
        let count = reading.count(where: { $0.isNumber })
        guard count > 0, count + reading.count(where: { $0 == "." }) == reading.count else { return false }
        guard reading.contains(".") == hasPoint, reading.first != ".", reading.last != "." else { return false }
        return count == digits || merged && abs(count - digits) == 1
    }

    struct Component {
        var x0 = Int.max, y0 = Int.max, x1 = 0, y1 = 0, area = 0
        var width: Int { x1 - x0 }
        var height: Int { y1 - y0 }
    }

    /// The 8-connected groups of pixels darker than `threshold`, with their boxes.
    static func components(_ image: GrayImage, threshold: UInt8) -> [Component] {
        var seen = [Bool](repeating: false, count: image.pixels.count)
        var result: [Component] = []
        var stack: [Int] = []
        image.pixels.withUnsafeBufferPointer { pixels in
            for start in 0..<pixels.count where !seen[start] && pixels[start] < threshold {
                var component = Component()
                seen[start] = true
                stack.append(start)
                while let index = stack.popLast() {
                    let x = index % image.width, y = index / image.width
                    component.x0 = min(component.x0, x); component.x1 = max(component.x1, x + 1)
                    component.y0 = min(component.y0, y); component.y1 = max(component.y1, y + 1)
                    component.area += 1
                    for ny in max(0, y - 1)...min(image.height - 1, y + 1) {
                        for nx in max(0, x - 1)...min(image.width - 1, x + 1) {
                            let neighbour = ny * image.width + nx
                            if !seen[neighbour], pixels[neighbour] < threshold {
                                seen[neighbour] = true
                                stack.append(neighbour)
                            }
                        }
                    }
                }
                result.append(component)
            }
        }
        return result
    }
}
