/// The ink of one table cell on a scan, without its rules: the cell's rectangle
/// (between the middles of its ruling lines) is cut out, and every group of
/// touching dark pixels that is part of a rule is whitened with its grey fringe:
/// one that touches the rectangle's edge (a rule, a dash of a dashed rule, a seal's
/// ring running in from outside) or that spans most of the cell's width or height
/// (the inner box of a double rule). What is left is the cell's text, however
/// thick, double, dashed or slanted its rules are.
struct CellInk {
    /// Darker than this belongs to a rule or to text.
    var threshold: UInt8 = 170
    /// A group of pixels spanning this share of the cell's width or height is a rule.
    var ruleSpan = 0.85

    /// The cell's area with its rules removed, and the box of what ink is left (nil if none).
    func clean(_ image: GrayImage, x0: Int, y0: Int, x1: Int, y1: Int)
        -> (image: GrayImage, box: (x0: Int, y0: Int, x1: Int, y1: Int)?) {
        var cell = image.crop(x0: x0, y0: y0, x1: x1, y1: y1)
        let width = cell.width, height = cell.height
        guard width > 4, height > 4 else { return (cell, nil) }
        var seen = [Bool](repeating: false, count: width * height)
        var rule: [Int] = []
        var stack: [Int] = []
        var group: [Int] = []
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
                let spans = Double(right - left) >= ruleSpan * Double(width) || Double(bottom - top) >= ruleSpan * Double(height)
                if touchesEdge || spans { rule += group }
            }
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
