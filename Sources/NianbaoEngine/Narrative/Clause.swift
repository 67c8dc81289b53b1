/// A word to look for, kept as scalars so that searching allocates nothing.
struct Needle: Sendable, ExpressibleByStringLiteral {
    let scalars: [Unicode.Scalar]
    var count: Int { scalars.count }

    init(stringLiteral value: String) { scalars = Array(value.unicodeScalars) }
}

/// One clause of narrative text, with the few searches the scanner needs.
struct Clause {
    let scalars: ArraySlice<Unicode.Scalar>

    init(_ scalars: ArraySlice<Unicode.Scalar>) { self.scalars = scalars }

    var start: Int { scalars.startIndex }
    var end: Int { scalars.endIndex }

    /// The clause as written, trimmed.
    var text: String {
        guard let first = scalars.firstIndex(where: { !Clause.isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !Clause.isWhitespace($0) }) else { return "" }
        return Clause.string(scalars[first...last])
    }

    /// `properties.isWhitespace`, answered without a property lookup for the common scalars.
    private static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let value = s.value
        if value >= 0x3400 && value <= 0x9FFF { return false }
        if value < 0x80 { return (value >= 0x09 && value <= 0x0D) || value == 0x20 }
        return s.properties.isWhitespace
    }

    /// A string from scalars, encoded straight into the string's storage.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        ScalarText.string(scalars)
    }

    func contains(_ needle: Needle) -> Bool { find(needle) != nil }

    /// The index of the first occurrence of `needle` at or after `from`.
    func find(_ needle: Needle, from: Int? = nil) -> Int? {
        let pattern = needle.scalars
        guard let first = pattern.first else { return nil }
        var index = max(from ?? start, start)
        while index + pattern.count <= end {
            if scalars[index] == first && hasPrefix(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    func hasPrefix(_ needle: Needle, at index: Int) -> Bool { hasPrefix(needle.scalars, at: index) }

    private func hasPrefix(_ pattern: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= start, index + pattern.count <= end else { return false }
        for (offset, scalar) in pattern.enumerated() where scalars[index + offset] != scalar { return false }
        return true
    }

    /// Whether the clause states any "N件".
    var hasFigure: Bool {
        var index = start
        while index < end {
            if let (_, next) = figure(at: index) { _ = next; return true }
            index += 1
        }
        return false
    }

    /// The first "N件" starting within `maxGap` scalars after `index`, with no digits
    /// in between. With `fillerOnly`, the gap may hold only filler words (共, 为, 案件…).
    func figure(after index: Int, maxGap: Int, fillerOnly: Bool = false) -> Int? {
        var cursor = max(index, start)
        while cursor < end && cursor - index <= maxGap {
            if Clause.isDigit(scalars[cursor]) {
                guard !fillerOnly || Clause.isFiller(scalars[index..<cursor]) else { return nil }
                guard !Clause.isHedge(scalars[index..<cursor]) else { return nil }
                return figure(at: cursor)?.value
            }
            if scalars[cursor] == "件" { return nil }
            cursor += 1
        }
        return nil
    }

    /// The last "N件" that ends before `index`.
    func lastFigure(before index: Int) -> Int? {
        var cursor = start
        var found: Int?
        while cursor < index {
            if Clause.isDigit(scalars[cursor]), cursor == start || !Clause.isDigit(scalars[cursor - 1]),
               let (value, next) = figure(at: cursor), next <= index {
                found = value
                cursor = next
                continue
            }
            cursor += 1
        }
        return found
    }

    /// A number starting at `index` followed (after spaces) by 件, and the index after 件.
    func figure(at index: Int) -> (value: Int, next: Int)? {
        guard index < end, Clause.isDigit(scalars[index]) else { return nil }
        if index > start, Clause.isDigit(scalars[index - 1]) || scalars[index - 1] == "." || scalars[index - 1] == "第" { return nil }
        var cursor = index
        var value = 0
        while cursor < end, Clause.isDigit(scalars[cursor]) {
            guard cursor - index < 9 else { return nil }
            value = value * 10 + Int(scalars[cursor].value - 48)
            cursor += 1
        }
        while cursor < end, Clause.isSpace(scalars[cursor]) { cursor += 1 }
        guard cursor < end, scalars[cursor] == "件" else { return nil }
        return (value, cursor + 1)
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{00A0}" || s == "\u{3000}" }

    private static let fillers = ["案件", "申请", "共计", "合计", "数量", "共", "为", "了", "的", "案", "类", "是", "有", "总", "计", "：", ":"]
    private static let fillerScalars: [[Unicode.Scalar]] = fillers.map { Array($0.unicodeScalars) }

    /// Whether a gap holds only spaces and filler words.
    static func isFiller(_ gap: ArraySlice<Unicode.Scalar>) -> Bool {
        // Fast path: with only ASCII, Han and CJK punctuation in the gap, scalars are characters.
        if gap.allSatisfy({ $0.value < 0x300 || ($0.value >= 0x3000 && $0.value <= 0x3029) || ($0.value >= 0x3400 && $0.value <= 0x9FFF) || ($0.value >= 0xFF01 && $0.value <= 0xFF5E) }) {
            var index = gap.startIndex
            outer: while index < gap.endIndex {
                if isSpace(gap[index]) { index += 1; continue }
                for word in fillerScalars where gap.endIndex - index >= word.count {
                    var offset = 0
                    while offset < word.count && gap[index + offset] == word[offset] { offset += 1 }
                    if offset == word.count { index += word.count; continue outer }
                }
                return false
            }
            return true
        }
        var rest = Substring(String(String.UnicodeScalarView(gap)))
        while let first = rest.unicodeScalars.first {
            if isSpace(first) { rest = rest.dropFirst(); continue }
            guard let word = fillers.first(where: { rest.hasPrefix($0) }) else { return false }
            rest = rest.dropFirst(word.count)
        }
        return true
    }

    /// Whether a gap makes the figure approximate (约, 近, 超过, 逾).
    static func isHedge(_ gap: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let last = gap.last(where: { !isSpace($0) }) else { return false }
        return ["约", "近", "超", "逾", "过"].contains(last)
    }
}
