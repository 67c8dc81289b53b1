/// Turns WordprocessingML (`word/document.xml`) into lines: body paragraphs
/// located "第 N 段", table rows as tab-joined cells located "表 N 第 R 行".
///
/// Merged cells are read once, in their place: a `w:gridSpan` cell is one cell,
/// `w:vMerge` continuation cells are empty. Tracked changes read as the final
/// document (`w:del`/`w:moveFrom` dropped, `w:ins` kept); field instructions are
/// dropped and their results kept; content controls (`w:sdt`) read as their
/// content; nested tables are flattened into their cell.
struct WordDocumentReader {
    let limits: ExtractionLimits

    private struct State {
        var sink: LineSink
        var paragraphNumber = 0
        var tableNumber = 0
        var paragraphDepth = 0
        var paragraphText = ""
        var runDepth = 0
        var inText = false
        var skipDepth = 0
        var tableDepth = 0
        var grid = TableGrid()
        var cellText = ""
        var cellSpan = 1
        var cellContinues = false
        var inCell = false
    }

    func read(_ xml: [UInt8]) throws(ExtractionFailure) -> LineSink {
        var state = State(sink: LineSink(maxLines: limits.maxLines))
        let scanner = XMLScanner(bytes: xml, maxDepth: limits.maxNestingDepth)
        try scanner.scan { (event) throws(ExtractionFailure) in
            try handle(event, &state)
        }
        return state.sink
    }

    /// Elements whose text is not part of the final document: deleted and moved-away
    /// text of tracked changes, field instructions, the fallback of alternate content.
    private static let skipped: Set<Substring> = ["Fallback", "instrText", "delText", "del", "moveFrom", "delInstrText"]

    private static func local(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }

    private static func value(_ attributes: [String: String]) -> String? {
        attributes.first { local($0.key) == "val" }?.value
    }

    private func handle(_ event: XMLScanner.Event, _ s: inout State) throws(ExtractionFailure) {
        switch event {
        case .start(let name, let attributes, _):
            let tag = Self.local(name)
            if s.skipDepth > 0 || Self.skipped.contains(tag) {
                s.skipDepth += 1
                return
            }
            switch tag {
            case "p":
                s.paragraphDepth += 1
                if s.paragraphDepth > 1 { append("\n", &s) }
            case "r": s.runDepth += 1
            case "t": s.inText = s.runDepth > 0 || s.paragraphDepth > 0
            case "tab" where s.runDepth > 0: append("\t", &s)
            case "br", "cr": if s.runDepth > 0 { append("\n", &s) }
            case "noBreakHyphen": append("-", &s)
            case "tbl":
                s.tableDepth += 1
                if s.tableDepth == 1 {
                    s.tableNumber += 1
                    s.grid = TableGrid()
                } else {
                    append("\n", &s)
                }
            case "tr" where s.tableDepth == 1: s.grid.startRow()
            case "gridBefore" where s.tableDepth == 1:
                let count = min(Int(Self.value(attributes) ?? "") ?? 0, TableGrid.maxColumnSpan)
                for _ in 0..<max(count, 0) { s.grid.addCell("") }
            case "tc" where s.tableDepth == 1:
                s.inCell = true
                s.cellText = ""
                s.cellSpan = 1
                s.cellContinues = false
            case "gridSpan" where s.tableDepth == 1 && s.inCell:
                s.cellSpan = Int(Self.value(attributes) ?? "") ?? 1
            case "vMerge" where s.tableDepth == 1 && s.inCell:
                let value = Self.value(attributes)
                s.cellContinues = value == nil || value == "continue"
            default: break
            }
        case .end(let name):
            if s.skipDepth > 0 {
                s.skipDepth -= 1
                return
            }
            switch Self.local(name) {
            case "p":
                s.paragraphDepth -= 1
                if s.paragraphDepth == 0 { try endParagraph(&s) }
            case "r": s.runDepth -= 1
            case "t": s.inText = false
            case "tc" where s.tableDepth == 1:
                s.grid.addCell(s.cellContinues ? "" : s.cellText, columnSpan: s.cellSpan)
                s.inCell = false
            case "tr" where s.tableDepth == 1: s.grid.endRow()
            case "tbl":
                s.tableDepth -= 1
                if s.tableDepth == 0 { try emitTable(&s) }
            default: break
            }
        case .text(let text):
            if s.inText && s.skipDepth == 0 { append(text, &s) }
        }
    }

    private func append(_ text: String, _ s: inout State) {
        if s.tableDepth > 0 {
            if s.inCell { s.cellText += text }
        } else {
            s.paragraphText += text
        }
    }

    private func endParagraph(_ s: inout State) throws(ExtractionFailure) {
        if s.tableDepth > 0 {
            if s.inCell { s.cellText += "\n" }
            return
        }
        s.paragraphNumber += 1
        let location = "第 \(s.paragraphNumber) 段"
        let parts = s.paragraphText.split(separator: "\n", omittingEmptySubsequences: false)
        for part in parts {
            try s.sink.append(String(part).trimmingTrailingWhitespace(), at: location)
        }
        s.paragraphText = ""
    }

    private func emitTable(_ s: inout State) throws(ExtractionFailure) {
        for (index, row) in s.grid.rows.enumerated() {
            try s.sink.appendRow(row, at: "表 \(s.tableNumber) 第 \(index + 1) 行")
        }
        s.grid = TableGrid()
    }
}

extension String {
    /// The text without trailing white space.
    func trimmingTrailingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
