/// The lines of text of a scanned page's body (its tables blanked out), found
/// from the rows that hold ink: each run of inked rows is one line, with the
/// horizontal extent of its ink. Each is read on its own as one line, so that
/// Tesseract's page layout analysis, which drops large bold headings as if
/// they were pictures, is not needed.
struct TextLineFinder {
    /// Darker than this is ink.
    var threshold: UInt8 = 170
    /// A row holds ink if at least this many of its pixels are dark.
    var minInk = 2
    /// Lines lower than this (pixels) are marks, not text.
    var minHeight = 10

    struct Line: Equatable {
        var x0: Int, y0: Int, x1: Int, y1: Int
    }

    func lines(_ image: GrayImage) -> [Line] {
        var counts = [Int](repeating: 0, count: image.height)
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<image.height {
                var count = 0
                for x in 0..<image.width where pixels[y * image.width + x] < threshold { count += 1 }
                counts[y] = count
            }
        }
        var bands: [(y0: Int, y1: Int)] = []
        var start: Int?
        for y in 0...image.height {
            let inked = y < image.height && counts[y] >= minInk
            if inked, start == nil { start = y }
            if !inked, let top = start {
                // A gap of a row or two inside a line (a thin stroke, a dot above) does not end it.
                if let last = bands.last, top - last.y1 <= 2 { bands[bands.count - 1].y1 = y } else { bands.append((top, y)) }
                start = nil
            }
        }
        return bands.filter { $0.y1 - $0.y0 >= minHeight }.compactMap { band in
            guard let box = image.inkBox(x0: 0, y0: band.y0, x1: image.width, y1: band.y1, threshold: threshold) else { return nil }
            return Line(x0: box.x0, y0: band.y0, x1: box.x1, y1: band.y1)
        }
    }
}
