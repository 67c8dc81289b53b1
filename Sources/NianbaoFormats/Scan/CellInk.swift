/// The ink of one table cell on a scan, without its rules: the cell's rectangle
/// (between the middles of its ruling lines) is cut out, and every group of
/// touching dark pixels that is part of a rule is whitened with its grey fringe:
/// one that touches the rectangle's edge (a rule, a dash of a dashed rule, a seal's
/// ring running in from outside), that spans most of the cell's width or height
/// (the inner box of a double rule) or that is a dash along an edge just inside it. Specks away from the text go too. What is
/// left is the cell's text, however thick, double, dashed or slanted its rules are.
struct CellInk {
    /// Darker than this belongs to a rule or to text.
    var threshold: UInt8 = 170
    /// A group of pixels spanning this share of the cell's width or height is a rule.
    var ruleSpan = 0.85
    /// A dash this close to an edge and along it is a piece of rule.
    var edgeBand = 10
    /// A mark of under 40 pixels further than this from any larger stroke is a speck.
    var nearby = 12

    /// The cell's area with its rules removed, and the box of what ink is left (nil if none).
    func clean(_ image: GrayImage, x0: Int, y0: Int, x1: Int, y1: Int)
        -> (image: GrayImage, box: (x0: Int, y0: Int, x1: Int, y1: Int)?) {
        var cell = image.crop(x0: x0, y0: y0, x1: x1, y1: y1)
        let width = cell.width, height = cell.height
        guard width > 4, height > 4 else { return (cell, nil) }
        var seen = [Bool](repeating: false, count: width * height)
        var rule: [Int] = []  // pixels to whiten: rules and specks
        var stack: [Int] = []
        var group: [Int] = []
        var marks: [(x0: Int, y0: Int, x1: Int, y1: Int, pixels: [Int])] = []
        cell.pixels.withUnsafeBufferPointer { pixels in
            for start in 0..<pixels.count where !seen[start] && pixels[start] < threshold {
                seen[start] = true
                stack.append(start)
                group.removeAll(keepingCapacity: true)
                var left = width, right = 0, top = height, bottom = 0
                while let index = stack.popLast() {
                    group.append(index)
                    let x = index % width, y = index / width
                    left = min(left, x); right = max(right, x + 1); top = min(top, y); bottom = max(bottom, y + 1)
                    for ny in max(0, y - 1)...min(height - 1, y + 1) {
                        for nx in max(0, x - 1)...min(width - 1, x + 1) {
                            let neighbour = ny * width + nx
                            if !seen[neighbour], pixels[neighbour] < threshold {
                                seen[neighbour] = true
                                stack.append(neighbour)
                            }
                        }
                    }
                }
                let touchesEdge = left == 0 || top == 0 || right == width || bottom == height
                // A dash lying along an edge, a few pixels inside it: a rule the grid line missed by a little.
                let w = right - left, h = bottom - top
                let dash = (h <= 8 && w >= 20 && w >= 3 * h && (top < edgeBand || bottom > height - edgeBand))
                    || (w <= 8 && h >= 20 && h >= 3 * w && (left < edgeBand || right > width - edgeBand))
                let spans = Double(right - left) >= ruleSpan * Double(width) || Double(bottom - top) >= ruleSpan * Double(height)
                if touchesEdge || spans || dash {
                    rule += group
                } else {
                    marks.append((left, top, right, bottom, group))
                }
            }
        }
        // Small marks away from any stroke of size are what the scan left (specks despeckling kept);
        // a decimal point or a dot of a character lies next to one.
        let strokes = marks.filter { $0.pixels.count >= 40 }
        for mark in marks where mark.pixels.count < 40 {
            let near = strokes.contains {
                mark.x0 <= $0.x1 + nearby && $0.x0 <= mark.x1 + nearby && mark.y0 <= $0.y1 + nearby && $0.y0 <= mark.y1 + nearby
            }
            if !near { rule += mark.pixels }
        }
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
        cell.pixels.withUnsafeMutableBufferPointer { pixels in
            // A rule's neighbours are the rule too or lighter than ink (its grey fringe): all go.
            for index in rule {
                let x = index % width, y = index / width
                for ny in max(0, y - 1)...min(height - 1, y + 1) {
                    for nx in max(0, x - 1)...min(width - 1, x + 1) { pixels[ny * width + nx] = 255 }
                }
            }
            for y in 0..<height {
                for x in 0..<width where pixels[y * width + x] < threshold {
                    minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                }
            }
        }
        guard maxX >= 0 else { return (cell, nil) }
        return (cell, (minX, minY, maxX + 1, maxY + 1))
    }
}
