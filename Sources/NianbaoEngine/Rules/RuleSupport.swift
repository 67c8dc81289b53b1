/// Small helpers shared by the rules: locations, safe arithmetic, value reading.
enum RuleSupport {
    /// The human-readable location of a line, or nil if the index is out of range.
    static func location(_ line: Int?, in document: SourceDocument) -> String? {
        guard let line, line >= 0, line < document.lines.count else { return nil }
        return document.lines[line].location
    }

    /// Adds without trapping; nil on overflow.
    static func sum(_ values: [Int]) -> Int? {
        var total = 0
        for value in values {
            let (next, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = next
        }
        return total
    }

    /// Adds two values without trapping; nil on overflow.
    @inline(__always)
    static func adding(_ a: Int, _ b: Int) -> Int? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : sum
    }

    /// A count as used in arithmetic: numbers as they are, blanks as 0,
    /// anything else (text, decimals) as unknown.
    static func arithmeticValue(_ cell: Cell?) -> Int? {
        guard let cell else { return nil }
        switch cell.value {
        case .number(let n): return n
        case .blank: return 0
        case .amount, .text: return nil
        }
    }

    /// How a cell is shown in a message: its number, "空白", or its raw text.
    static func shown(_ cell: Cell?) -> String {
        guard let cell else { return "缺失" }
        switch cell.value {
        case .number(let n): return String(n)
        case .blank: return cell.raw.isEmpty ? "空白" : "“\(cell.raw)”"
        case .amount, .text: return "“\(cell.raw)”"
        }
    }

    /// The value of a row total for comparisons with the narrative: the 总计
    /// cell when it is a number, else the sum of the applicant columns.
    static func effectiveTotal(_ table: Table2, _ row: Table2Row) -> Int? {
        if let n = table[row, .total]?.count { return n }
        guard table.rows[row] != nil else { return nil }
        var parts: [Int] = []
        for column in Applicant.parts {
            guard let value = arithmeticValue(table[row, column]) else { return nil }
            parts.append(value)
        }
        return sum(parts)
    }

    /// The value of a 表三 group total: the 总计 cell when a number, else the sum of its outcomes.
    static func effectiveTotal(_ table: Table3, _ group: Table3Group) -> Int? {
        if let n = table[group, .total]?.count { return n }
        var parts: [Int] = []
        for outcome in Table3Outcome.parts {
            guard let value = arithmeticValue(table[group, outcome]) else { return nil }
            parts.append(value)
        }
        return sum(parts)
    }

    /// The names joined with "、" (as `joined(separator: "、")`, without the generic path).
    static func listed(_ names: [String]) -> String {
        var bytes = 0
        for name in names { bytes += name.utf8.count }
        bytes += max(0, names.count - 1) * 3
        if bytes == 0 { return "" }
        return String(unsafeUninitializedCapacity: bytes) { buffer in
            var at = 0
            for (index, name) in names.enumerated() {
                if index > 0 {
                    // "、" U+3001
                    buffer[at] = 0xE3
                    buffer[at + 1] = 0x80
                    buffer[at + 2] = 0x81
                    at += 3
                }
                let copied = name.utf8.withContiguousStorageIfAvailable { source -> Int in
                    for offset in 0..<source.count { buffer[at + offset] = source[offset] }
                    return source.count
                }
                if let copied {
                    at += copied
                } else {
                    for byte in name.utf8 {
                        buffer[at] = byte
                        at += 1
                    }
                }
            }
            return at
        }
    }

    /// False when no scalar of `text` is whitespace, so that no character is either
    /// (a character is whitespace when its first scalar is).
    static func mayHoldWhitespace(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value >= 0x3400 && value <= 0x9FFF { continue }
            if value < 0x80 {
                if (value >= 0x09 && value <= 0x0D) || value == 0x20 { return true }
                continue
            }
            if scalar.properties.isWhitespace { return true }
        }
        return false
    }
}
