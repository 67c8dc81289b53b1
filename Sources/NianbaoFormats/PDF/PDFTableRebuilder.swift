/// Rebuilds table rows from a page's visual lines.
///
/// Labels wrapped over several lines inside a narrow cell are joined back onto
/// the row that holds the numbers (fragments without numbers, in the same
/// label column, next to a data row), and numbers are put into columns found
/// across the table so that a blank cell keeps its place.
struct PDFTableRebuilder {
    /// Lines farther apart than this many glyph heights are not joined.
    var maxDistance = 1.8

    func rebuild(_ lines: [PDFLine]) -> [[String]] {
        var attachedAbove: [Int: [Int]] = [:]
        var attachedBelow: [Int: [Int]] = [:]
        var targets: [Int: Int] = [:]
        for index in lines.indices where isFragment(lines[index]) {
            let first = lines[index].segments.first?.text ?? ""
            var chosen: Int?
            if !Self.startsWithMarker(first), let previous = targets[index - 1], previous > index,
               fits(lines[index], lines[previous]) {
                chosen = previous
            } else {
                chosen = target(for: index, in: lines)
            }
            guard let target = chosen else { continue }
            targets[index] = target
            if target > index { attachedAbove[target, default: []].append(index) } else { attachedBelow[target, default: []].append(index) }
        }
        var merged: [Int: PDFLine] = [:]
        for index in lines.indices where lines[index].isDataRow {
            merged[index] = merge(row: lines[index], above: (attachedAbove[index] ?? []).map { lines[$0] },
                                  below: (attachedBelow[index] ?? []).map { lines[$0] })
        }
        let columns = columnLayout(lines: lines, merged: merged, joined: Set(targets.keys))
        var output: [[String]] = []
        for index in lines.indices where targets[index] == nil {
            guard let row = merged[index] else {
                output.append(lines[index].segments.map(\.text))
                continue
            }
            output.append(cells(of: row, anchors: columns[index]))
        }
        return output
    }

    private func isFragment(_ line: PDFLine) -> Bool {
        !line.hasNumericSegment && !line.segments.isEmpty
    }

    /// The data row a fragment belongs to: text starting with a row marker
    /// ("（三）", "1.", "一、") begins the next row's label; other text continues the previous one.
    /// Only fragments lying left of the row's numbers, each close to the next, are joined.
    private func target(for index: Int, in lines: [PDFLine]) -> Int? {
        let fragment = lines[index]
        let step = maxDistance * fragment.glyphHeight
        func search(_ direction: Int) -> Int? {
            var position = index + direction
            var between: [PDFLine] = []
            var previous = fragment
            while position >= 0 && position < lines.count && between.count < 8 {
                let line = lines[position]
                guard abs(line.midY - previous.midY) <= step else { return nil }
                if line.isDataRow {
                    return ([fragment] + between).allSatisfy { fits($0, line) } ? position : nil
                }
                guard isFragment(line) else { return nil }
                between.append(line)
                previous = line
                position += direction
            }
            return nil
        }
        let first = fragment.segments.first?.text ?? ""
        return Self.startsWithMarker(first) ? (search(1) ?? search(-1)) : (search(-1) ?? search(1))
    }

    /// A fragment fits a row when it is set in the same size and lies left of the row's numbers.
    private func fits(_ fragment: PDFLine, _ row: PDFLine) -> Bool {
        guard let right = fragment.segments.last?.x1 else { return false }
        let sameSize = abs(fragment.glyphHeight - row.glyphHeight) <= 0.15 * max(fragment.glyphHeight, row.glyphHeight)
        return sameSize && right < row.numericStart - 0.5 * fragment.glyphHeight
    }

    static func startsWithMarker(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(4))
        guard let first = scalars.first else { return false }
        if first == "（" || first == "(" { return true }
        let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        if numerals.contains(first), scalars.count > 1, scalars[1] == "、" { return true }
        if ("0"..."9").contains(first), scalars.count > 1, scalars[1] == "." || scalars[1] == "．" || scalars[1] == "、" {
            return true
        }
        return false
    }

    private func merge(row: PDFLine, above: [PDFLine], below: [PDFLine]) -> PDFLine {
        guard !above.isEmpty || !below.isEmpty else { return row }
        var labels = row.labelSegments
        let numbers = row.segments.suffix(row.trailingNumericCount)
        let tolerance = 0.5 * row.glyphHeight
        func add(_ piece: PDFSegment, before: Bool) {
            if let slot = labels.firstIndex(where: { $0.overlaps(piece, tolerance: tolerance) }) {
                labels[slot].text = before ? Self.join(piece.text, labels[slot].text) : Self.join(labels[slot].text, piece.text)
                labels[slot].x0 = min(labels[slot].x0, piece.x0)
                labels[slot].x1 = max(labels[slot].x1, piece.x1)
            } else {
                labels.append(piece)
                labels.sort { $0.x0 < $1.x0 }
            }
        }
        for line in above.reversed() { for piece in line.segments { add(piece, before: true) } }
        for line in below { for piece in line.segments { add(piece, before: false) } }
        var result = row
        result.segments = labels + numbers
        return result
    }

    /// Joins wrapped text: no separator for Chinese, a space between Latin letters or digits.
    static func join(_ left: String, _ right: String) -> String {
        guard let last = left.unicodeScalars.last, let first = right.unicodeScalars.first else { return left + right }
        let latin = { (scalar: Unicode.Scalar) in scalar.isASCII && scalar.properties.isAlphabetic }
        return latin(last) && latin(first) ? left + " " + right : left + right
    }

    /// For each data row, the column anchors of its table block (data rows with only joined fragments between).
    private func columnLayout(lines: [PDFLine], merged: [Int: PDFLine], joined: Set<Int>) -> [Int: [PDFSegment]] {
        var result: [Int: [PDFSegment]] = [:]
        var block: [Int] = []
        func close() {
            defer { block.removeAll() }
            guard block.count >= 2 else { return }
            var ranges = block.compactMap { merged[$0] }.flatMap { $0.segments.suffix($0.trailingNumericCount) }
            ranges.sort { $0.x0 < $1.x0 }
            var anchors: [PDFSegment] = []
            for range in ranges {
                if let last = anchors.last, last.overlaps(range) {
                    anchors[anchors.count - 1].x1 = max(last.x1, range.x1)
                } else {
                    anchors.append(range)
                }
            }
            // Pad only when the widest rows agree with the columns found; otherwise the block mixes tables.
            let widest = block.compactMap { merged[$0]?.trailingNumericCount }.max() ?? 0
            guard anchors.count == widest, anchors.count <= 64 else { return }
            for index in block { result[index] = anchors }
        }
        for index in lines.indices {
            if merged[index] != nil {
                block.append(index)
            } else if !joined.contains(index) {
                close()
            }
        }
        close()
        return result
    }

    /// A row's cells: labels, then one cell per column anchor (blank where the row has no number there).
    private func cells(of row: PDFLine, anchors: [PDFSegment]?) -> [String] {
        let labels = row.labelSegments.map(\.text)
        let numbers = Array(row.segments.suffix(row.trailingNumericCount))
        guard let anchors, numbers.count < anchors.count else { return labels + numbers.map(\.text) }
        var cells: [String] = []
        var remaining = numbers[...]
        for anchor in anchors {
            if let next = remaining.first, next.overlaps(anchor) {
                cells.append(next.text)
                remaining.removeFirst()
            } else if let next = remaining.first, next.x1 < anchor.x0 {
                cells.append(next.text)
                remaining.removeFirst()
            } else {
                cells.append("")
            }
        }
        cells.append(contentsOf: remaining.map(\.text))
        return labels + cells
    }
}
