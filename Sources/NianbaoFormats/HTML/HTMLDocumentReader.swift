/// Turns an HTML page into lines: text of block elements located "第 N 行",
/// `<table>` rows as tab-joined cells located "表 N 第 R 行" (colspan and
/// rowspan laid out on a grid). Head, scripts and styles are ignored, and so is a
/// portal's chrome: `<nav>`, `<footer>`, forms' `<select>`/`<button>`, and
/// elements whose id or class names a navigation bar, header or footer (`PortalChrome`).
struct HTMLDocumentReader {
    let limits: ExtractionLimits

    private static let blocks: Set = [
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
        "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "dl", "center", "form", "nav", "aside",
        "main", "figure", "figcaption", "address", "caption", "body", "html",
    ]

    private struct State {
        var sink: LineSink
        var line = ""
        var lineNumber = 0
        var tableNumber = 0
        /// Open tables, innermost last; only the outermost is laid out as a table.
        var tableDepth = 0
        var grid = TableGrid()
        var cell: (text: String, columnSpan: Int, rowSpan: Int)?
        var inHead = false
        /// The chrome element being skipped and how deep its own kind is nested in it.
        var skipping: (name: String, depth: Int)?
        var skipsChrome = true
    }

    /// The page's lines. A chrome element that is never closed would hide the rest of the
    /// page: then the page is read again with nothing skipped.
    func read(_ text: String) throws(ExtractionFailure) -> LineSink {
        let (sink, unclosedChrome) = try read(text, skippingChrome: true)
        guard unclosedChrome else { return sink }
        return try read(text, skippingChrome: false).sink
    }

    private func read(_ text: String, skippingChrome: Bool) throws(ExtractionFailure) -> (sink: LineSink, unclosedChrome: Bool) {
        var state = State(sink: LineSink(maxLines: limits.maxLines))
        state.skipsChrome = skippingChrome
        var tokenizer = HTMLTokenizer(text)
        while let token = tokenizer.next() {
            try handle(token, &state)
        }
        if state.skipping != nil { return (state.sink, true) }
        if state.tableDepth > 0 {
            state.tableDepth = 1
            try closeTable(&state)
        }
        try flushLine(&state)
        return (state.sink, false)
    }

    private func handle(_ token: HTMLTokenizer.Token, _ s: inout State) throws(ExtractionFailure) {
        if let skipping = s.skipping {
            switch token {
            case .start(let name, _) where name == skipping.name:
                s.skipping?.depth += 1
            case .end(let name) where name == skipping.name:
                s.skipping = skipping.depth <= 1 ? nil : (name, skipping.depth - 1)
                if s.skipping == nil { try breakLine(&s) }
            default:
                break
            }
            return
        }
        if s.skipsChrome, case .start(let name, let attributes) = token, PortalChrome.isChrome(name, attributes) {
            try breakLine(&s)
            s.skipping = (name, 1)
            return
        }
        switch token {
        case .text(let raw):
            guard !s.inHead else { return }
            let text = HTMLEntities.decode(raw)
            if s.tableDepth > 0 {
                if s.cell != nil { s.cell?.text += text }
            } else {
                s.line += text
            }
        case .start(let name, let attributes):
            if name == "head" { s.inHead = true }
            if name == "body" { s.inHead = false }
            try start(name, attributes, &s)
        case .end(let name):
            if name == "head" { s.inHead = false }
            try end(name, &s)
        }
    }

    private func start(_ name: String, _ attributes: [String: String], _ s: inout State) throws(ExtractionFailure) {
        switch name {
        case "table":
            if s.tableDepth == 0 {
                try flushLine(&s)
                s.tableNumber += 1
                s.grid = TableGrid()
            } else {
                s.cell?.text += "\n"
            }
            s.tableDepth += 1
            guard s.tableDepth <= limits.maxNestingDepth else { throw .tooDeep }
        case "tr" where s.tableDepth == 1:
            closeCell(&s)
            s.grid.startRow()
        case "td", "th":
            if s.tableDepth == 1 {
                closeCell(&s)
                let columns = Int(attributes["colspan"]?.trimmed ?? "") ?? 1
                let rows = Int(attributes["rowspan"]?.trimmed ?? "") ?? 1
                s.cell = ("", columns, rows)
            } else if s.tableDepth > 1 {
                s.cell?.text += " "
            }
        default:
            if Self.blocks.contains(name) { try breakLine(&s) }
        }
    }

    private func end(_ name: String, _ s: inout State) throws(ExtractionFailure) {
        switch name {
        case "table" where s.tableDepth > 0:
            if s.tableDepth == 1 {
                try closeTable(&s)
            } else {
                s.cell?.text += "\n"
            }
            s.tableDepth -= 1
        case "td", "th":
            if s.tableDepth == 1 { closeCell(&s) }
        case "tr" where s.tableDepth == 1:
            closeCell(&s)
            s.grid.endRow()
        default:
            if Self.blocks.contains(name) { try breakLine(&s) }
        }
    }

    private func breakLine(_ s: inout State) throws(ExtractionFailure) {
        if s.tableDepth > 0 {
            s.cell?.text += "\n"
        } else {
            try flushLine(&s)
        }
    }

    private func closeCell(_ s: inout State) {
        guard let cell = s.cell else { return }
        s.grid.addCell(cell.text, columnSpan: cell.columnSpan, rowSpan: cell.rowSpan)
        s.cell = nil
    }

    private func closeTable(_ s: inout State) throws(ExtractionFailure) {
        closeCell(&s)
        s.grid.endRow()
        for (index, row) in s.grid.rows.enumerated() where !row.isEmpty {
            try s.sink.appendRow(row, at: "表 \(s.tableNumber) 第 \(index + 1) 行")
        }
        s.grid = TableGrid()
    }

    /// Emits the pending text as one line (white space collapsed), if it has any.
    private func flushLine(_ s: inout State) throws(ExtractionFailure) {
        let text = LineSink.cleanCell(s.line)
        s.line = ""
        guard !text.isEmpty else { return }
        s.lineNumber += 1
        try s.sink.append(text, at: "第 \(s.lineNumber) 行")
    }
}

extension String {
    /// The text without leading and trailing white space.
    var trimmed: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
