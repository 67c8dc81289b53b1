/// Page furniture that is not part of the report's text: page numbers printed
/// in footers or headers ("- 3 -", "-3-", "3", "第 3 页", "3/5"), and table
/// header rows repeated at the top of a page when a table breaks.
enum PDFPageFurniture {
    /// Whether a line's text is only a page number.
    static func isPageNumber(_ line: PDFLine) -> Bool {
        var scalars = line.segments.flatMap { Array($0.text.unicodeScalars) }.filter { !$0.properties.isWhitespace }
        let dashes: Set<Unicode.Scalar> = ["-", "－", "—", "–", "‐", "―"]
        while let first = scalars.first, dashes.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, dashes.contains(last) { scalars.removeLast() }
        if scalars.first == "第", scalars.last == "页" {
            scalars = Array(scalars.dropFirst().dropLast())
            if let total = scalars.firstIndex(of: "共") { scalars = Array(scalars[..<total]) }
            if scalars.last == "页" { scalars.removeLast() }
        }
        if let slash = scalars.firstIndex(of: "/") {
            let total = scalars[(slash + 1)...]
            guard !total.isEmpty, total.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
            scalars = Array(scalars[..<slash])
        }
        return !scalars.isEmpty && scalars.count <= 3 && scalars.allSatisfy { ("0"..."9").contains($0) }
    }

    /// The page's lines without page numbers in its top or bottom margin
    /// (the first or last lines of the page, or within 8 % / 12 % of its edges).
    static func withoutPageNumbers(_ lines: [PDFLine], pageHeight: Double) -> [PDFLine] {
        guard !lines.isEmpty else { return lines }
        var keep = [Bool](repeating: true, count: lines.count)
        for index in lines.indices where isPageNumber(lines[index]) {
            let line = lines[index]
            let atEdge = index <= 1 || index >= lines.count - 2
            let inMargin = pageHeight > 0 && (line.midY < 0.08 * pageHeight || line.midY > 0.88 * pageHeight)
            if atEdge || inMargin { keep[index] = false }
        }
        return lines.indices.filter { keep[$0] }.map { lines[$0] }
    }

    /// Drops header rows repeated at the top of a page that continues a table: the
    /// page's leading lines whose text appeared just above a table's first data row
    /// earlier on, when the previous page ended in a table (a data row among its last six lines).
    static func withoutRepeatedHeaders(_ pages: [[PDFLine]]) -> [[PDFLine]] {
        var headerTexts: Set<String> = []
        var result: [[PDFLine]] = []
        for page in pages {
            var kept = page[...]
            if result.last?.suffix(6).contains(where: \.isDataRow) == true {
                while let first = kept.first, !first.isDataRow, headerTexts.contains(text(of: first)) { kept.removeFirst() }
            }
            let lines = Array(kept)
            // Remember the lines just above the page's first data row.
            if let first = lines.firstIndex(where: \.isDataRow), first > 0 {
                for back in stride(from: first - 1, through: max(0, first - 8), by: -1) {
                    headerTexts.insert(text(of: lines[back]))
                }
            }
            result.append(lines)
        }
        return result
    }

    private static func text(of line: PDFLine) -> String {
        line.segments.map(\.text).joined(separator: "\t")
    }
}
