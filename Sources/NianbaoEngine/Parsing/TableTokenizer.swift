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

    /// Buffers reused from line to line, so that tokenizing allocates only the items.
    private struct Scratch {
        var fields: [(Int, Int)] = []
        var starts: [Int] = []
        var lineItems: [TableItem] = []
    }

    static func items(lines: [[Unicode.Scalar]], from start: TextPosition, to end: TextPosition) -> [TableItem] {
        var items: [TableItem] = []
        guard start < end, start.line < lines.count else { return items }
        var scratch = Scratch()
        let lastLine = min(end.line, lines.count - 1)
        items.reserveCapacity(4 * (lastLine - start.line + 1))
        for lineIndex in start.line...lastLine {
            let line = lines[lineIndex]
            let lo = lineIndex == start.line ? min(start.offset, line.count) : 0
            let hi = lineIndex == end.line ? min(end.offset, line.count) : line.count
            if lo < hi {
                let next = hi == line.count ? firstScalar(after: lineIndex, in: lines) : nil
                appendLine(line, lo, hi, lineIndex, next: next, into: &items, &scratch)
            }
        }
        return items
    }

    /// The first non-space scalar of the next non-empty line (at most two lines on).
    private static func firstScalar(after lineIndex: Int, in lines: [[Unicode.Scalar]]) -> Unicode.Scalar? {
        var index = lineIndex + 1
        while index < lines.count, index <= lineIndex + 2 {
            let line = lines[index]
            let (lo, hi) = ScalarText.trim(line, 0, line.count)
            if lo < hi { return line[lo] }
            index += 1
        }
        return nil
    }

    private static func appendLine(_ line: [Unicode.Scalar], _ lo: Int, _ hi: Int, _ lineIndex: Int, next: Unicode.Scalar?,
                                   into items: inout [TableItem], _ scratch: inout Scratch) {
        // A line without tabs is one field: no scratch buffers needed.
        var hasTab = false
        for index in lo..<hi where line[index] == "\t" { hasTab = true; break }
        if !hasTab {
            let (a, b) = ScalarText.trim(line, lo, hi)
            guard a < b else { return }
            appendField(line, a, b, lineIndex, contentEnd: next == nil ? -1 : b, next: next, into: &items)
            return
        }
        // Tab-separated fields, leading empty fields dropped (they only indent).
        scratch.fields.removeAll(keepingCapacity: true)
        var fieldStart = lo
        var index = lo
        while index <= hi {
            if index == hi || line[index] == "\t" {
                let (a, b) = ScalarText.trim(line, fieldStart, index)
                if !(scratch.fields.isEmpty && a == b) { scratch.fields.append((a, b)) }
                fieldStart = index + 1
            }
            index += 1
        }
        guard let lastField = scratch.fields.last else { return }
        // The end of the line's content: a digit run there may continue on the next line ("1" / "件").
        let contentEnd = next == nil ? -1 : lastField.1
        if scratch.fields.count == 1 {
            appendField(line, lastField.0, lastField.1, lineIndex, contentEnd: contentEnd, next: next, into: &items)
            return
        }
        // Each field's items go to `lineItems`; `starts` marks where each field's items begin.
        scratch.lineItems.removeAll(keepingCapacity: true)
        scratch.starts.removeAll(keepingCapacity: true)
        var hasValue = false
        var nonEmptyFields = 0
        var firstNonEmptyIsText = false
        for (a, b) in scratch.fields {
            let before = scratch.lineItems.count
            scratch.starts.append(before)
            appendField(line, a, b, lineIndex, contentEnd: contentEnd, next: next, into: &scratch.lineItems)
            let after = scratch.lineItems.count
            if after > before {
                if nonEmptyFields == 0 { firstNonEmptyIsText = scratch.lineItems[before].isText }
                nonEmptyFields += 1
                if !hasValue {
                    for k in before..<after where scratch.lineItems[k].kind == .value { hasValue = true; break }
                }
            }
        }
        scratch.starts.append(scratch.lineItems.count)
        // Empty fields are cells only in a data row: one with a value, or a lone label with blank cells.
        let emitEmpties = hasValue || (nonEmptyFields == 1 && firstNonEmptyIsText)
        for field in 0..<scratch.fields.count {
            let from = scratch.starts[field]
            let to = scratch.starts[field + 1]
            if from == to {
                if emitEmpties { items.append(.empty(line: lineIndex)) }
            } else {
                items.append(contentsOf: scratch.lineItems[from..<to])
            }
        }
    }

    /// Splits a field on spaces and reads each fragment.
    private static func appendField(_ line: [Unicode.Scalar], _ lo: Int, _ hi: Int, _ lineIndex: Int, contentEnd: Int,
                                    next: Unicode.Scalar?, into items: inout [TableItem]) {
        var index = lo
        while index < hi {
            while index < hi, ScalarText.isSpace(line[index]) { index += 1 }
            let start = index
            while index < hi, !ScalarText.isSpace(line[index]) { index += 1 }
            if start < index {
                let wrapped = index == contentEnd ? next : nil
                appendFragment(line, start, index, lineIndex, wrappedInto: wrapped, into: &items)
            }
        }
    }

    /// A fragment is a value, or text in which digit runs glued to the text are cut out as fused values.
    /// `wrappedInto` is the first scalar of the next line when the fragment ends its line.
    private static func appendFragment(_ line: [Unicode.Scalar], _ lo: Int, _ hi: Int, _ lineIndex: Int,
                                       wrappedInto next: Unicode.Scalar?, into items: inout [TableItem]) {
        if let value = CellValueReader.value(line, lo, hi) {
            items.append(.value(value, line: lineIndex, lo, hi, fused: false))
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
            // Narrative wrapped right after a digit ("…不予公开1" / "件，…"): the number belongs to the text.
            let continuesAsText = end == hi && next.map { unitScalars.contains($0) } == true
            if !continuesAsText, isCutOut(line, lo, hi, index, end), let value = CellValueReader.value(line, index, end) {
                if textStart < index { items.append(.text(line: lineIndex, textStart, index)) }
                items.append(.value(value, line: lineIndex, index, end, fused: true))
                textStart = end
            }
            index = end
        }
        if textStart < hi { items.append(.text(line: lineIndex, textStart, hi)) }
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
