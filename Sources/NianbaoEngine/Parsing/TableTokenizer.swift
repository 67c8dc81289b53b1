/// Cuts a stretch of the document into `TableItem`s, one pass, whatever form
/// the table came in: one cell per line, tab-separated rows, space-separated
/// PDF text, or everything run together on one line.
enum TableTokenizer {
    /// Characters after a digit run that make it part of the text ("4位", "2021年", "3件").
    private static let unitScalars: Set<Unicode.Scalar> = [
        "年", "月", "日", "件", "条", "个", "元", "万", "次", "人", "项", "位", "号", "%", "家", "名", "期",
        "批", "余", "多", "天", "页", "倍", "千", "百", "亿", "类", "种", "部", "份", "篇", "场", "届", "时", "分", "秒", "小",
    ]
    /// Characters before a digit run that make it part of the text ("表1", "第3").
    private static let prefixScalars: Set<Unicode.Scalar> = ["表", "第", "图", "件", "-", ":", "/", "：", "_", "号"]

    static func items(lines: [[Unicode.Scalar]], from start: TextPosition, to end: TextPosition) -> [TableItem] {
        var items: [TableItem] = []
        guard start < end, start.line < lines.count else { return items }
        let lastLine = min(end.line, lines.count - 1)
        for lineIndex in start.line...lastLine {
            let line = lines[lineIndex]
            let lo = lineIndex == start.line ? min(start.offset, line.count) : 0
            let hi = lineIndex == end.line ? min(end.offset, line.count) : line.count
            if lo < hi { appendLine(line, lo, hi, lineIndex, into: &items) }
        }
        return items
    }

    private static func appendLine(_ line: [Unicode.Scalar], _ lo: Int, _ hi: Int, _ lineIndex: Int, into items: inout [TableItem]) {
        // Tab-separated fields, leading empty fields dropped (they only indent).
        var fields: [(Int, Int)] = []
        var fieldStart = lo
        var index = lo
        while index <= hi {
            if index == hi || line[index] == "\t" {
                let (a, b) = ScalarText.trim(line, fieldStart, index)
                if !(fields.isEmpty && a == b) { fields.append((a, b)) }
                fieldStart = index + 1
            }
            index += 1
        }
        guard !fields.isEmpty else { return }
        if fields.count == 1 {
            appendField(line, fields[0].0, fields[0].1, lineIndex, into: &items)
            return
        }
        var perField: [[TableItem]] = []
        perField.reserveCapacity(fields.count)
        var hasValue = false
        var nonEmptyFields = 0
        var firstNonEmptyIsText = false
        for (a, b) in fields {
            var fieldItems: [TableItem] = []
            appendField(line, a, b, lineIndex, into: &fieldItems)
            if !fieldItems.isEmpty {
                if nonEmptyFields == 0 { firstNonEmptyIsText = fieldItems[0].isText }
                nonEmptyFields += 1
            }
            if fieldItems.contains(where: { $0.kind == .value }) { hasValue = true }
            perField.append(fieldItems)
        }
        // Empty fields are cells only in a data row: one with a value, or a lone label with blank cells.
        let emitEmpties = hasValue || (nonEmptyFields == 1 && firstNonEmptyIsText)
        for fieldItems in perField {
            if fieldItems.isEmpty {
                if emitEmpties {
                    items.append(TableItem(kind: .empty, scalars: [], line: lineIndex, value: .blank, fused: false))
                }
            } else {
                items.append(contentsOf: fieldItems)
            }
        }
    }

    /// Splits a field on spaces and reads each fragment.
    private static func appendField(_ line: [Unicode.Scalar], _ lo: Int, _ hi: Int, _ lineIndex: Int, into items: inout [TableItem]) {
        var index = lo
        while index < hi {
            while index < hi, ScalarText.isSpace(line[index]) { index += 1 }
            let start = index
            while index < hi, !ScalarText.isSpace(line[index]) { index += 1 }
            if start < index { appendFragment(line, start, index, lineIndex, into: &items) }
        }
    }

    /// A fragment is a value, or text in which digit runs glued to the text are cut out as fused values.
    private static func appendFragment(_ line: [Unicode.Scalar], _ lo: Int, _ hi: Int, _ lineIndex: Int, into items: inout [TableItem]) {
        if let value = CellValueReader.value(line, lo, hi) {
            items.append(TableItem(kind: .value, scalars: Array(line[lo..<hi]), line: lineIndex, value: value, fused: false))
            return
        }
        var textStart = lo
        var index = lo
        while index < hi {
            guard ScalarText.isDigit(line[index]) else { index += 1; continue }
            var end = index
            while end < hi, ScalarText.isDigit(line[end]) || (line[end] == "." && end + 1 < hi && ScalarText.isDigit(line[end + 1]) && end > index) {
                end += 1
            }
            if isCutOut(line, lo, hi, index, end), let value = CellValueReader.value(line, index, end) {
                if textStart < index { items.append(.text(Array(line[textStart..<index]), line: lineIndex)) }
                items.append(TableItem(kind: .value, scalars: Array(line[index..<end]), line: lineIndex, value: value, fused: true))
                textStart = end
            }
            index = end
        }
        if textStart < hi { items.append(.text(Array(line[textStart..<hi]), line: lineIndex)) }
    }

    /// Whether the digit run `line[start..<end]` inside a text fragment is a (fused) cell value.
    private static func isCutOut(_ line: [Unicode.Scalar], _ lo: Int, _ hi: Int, _ start: Int, _ end: Int) -> Bool {
        let previous: Unicode.Scalar? = start > lo ? line[start - 1] : nil
        let next: Unicode.Scalar? = end < hi ? line[end] : nil
        if let next {
            let afterNext: Unicode.Scalar? = end + 1 < hi ? line[end + 1] : nil
            let isItemMarker = (next == "." || next == "、" || next == "．") && (afterNext.map { !ScalarText.isDigit($0) } ?? true)
            if isItemMarker && end - start <= 2 { return false }
            if unitScalars.contains(next) || ScalarText.isASCIILetter(next) { return false }
            if (next == "-" || next == ":" || next == "/") && (afterNext.map(ScalarText.isDigit) ?? false) { return false }
        }
        if let previous {
            if prefixScalars.contains(previous) || ScalarText.isASCIILetter(previous) || previous == "." { return false }
        }
        return true
    }
}
