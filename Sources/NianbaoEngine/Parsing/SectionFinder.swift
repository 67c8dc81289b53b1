/// A section heading found in the text: its kind and where it starts and ends.
struct SectionHeading {
    var kind: SectionKind
    var start: TextPosition
    /// Where the body begins (just after the heading text).
    var end: TextPosition
}

/// Finds the six section headings by meaning: a numeral marker ("三、", "（三）",
/// "(三)", after optional markdown "#") followed closely by the section's
/// keywords. Headings must come in template order; table row labels such as
/// "三、本年度办理结果" or "四、结转下年度继续办理" have none of the keywords.
/// Headings may also sit inside a long line (text that lost its line breaks).
enum SectionFinder {
    /// Keywords that identify a section when its numeral matches.
    private static let keywords: [SectionKind: [Keyword]] = [
        .overview: [Keyword("总体情况"), Keyword("概述")],
        .proactiveDisclosure: [Keyword("主动公开")],
        .applications: [Keyword("收到和处理"), Keyword("收到及处理"), Keyword("受理和处理"), Keyword("公开申请情况"), Keyword("依申请公开情况")],
        .reviewAndLitigation: [Keyword("复议"), Keyword("诉讼")],
        .problems: [Keyword("问题")],
        .otherMatters: [Keyword("其他需要报告"), Keyword("需要报告的"), Keyword("其他事项")],
    ]
    /// Keywords strong enough to accept a heading whose numeral does not match (a short line only).
    private static let strongKeywords: [SectionKind: [Keyword]] = [
        .overview: [Keyword("总体情况")],
        .proactiveDisclosure: [Keyword("主动公开政府信息")],
        .applications: [Keyword("收到和处理")],
        .reviewAndLitigation: [Keyword("行政复议")],
        .problems: [Keyword("存在的主要问题")],
        .otherMatters: [Keyword("其他需要报告")],
    ]
    /// `keywords` and `strongKeywords` indexed by `SectionKind.rawValue`.
    private static let keywordsByKind: [[Keyword]] = (0...6).map { SectionKind(rawValue: $0).flatMap { keywords[$0] } ?? [] }
    private static let strongKeywordsByKind: [[Keyword]] = (0...6).map { SectionKind(rawValue: $0).flatMap { strongKeywords[$0] } ?? [] }
    private static let window = 24
    private static let endings: [Keyword] = [Keyword("情况"), Keyword("事项")]

    static func find(in lines: [[Unicode.Scalar]]) -> [SectionHeading] {
        var found: [SectionHeading] = []
        var last = 0
        for (lineIndex, line) in lines.enumerated() {
            let (lineStart, lineEnd) = ScalarText.trim(line, 0, line.count)
            // A separator's first scalar is a dash or "=": other lines are not looked at further.
            if !found.isEmpty, lineEnd - lineStart >= 3, line[lineStart] == "-" || line[lineStart] == "=" || line[lineStart] == "—",
               isSeparator(line) { break }
            var index = 0
            var contentStart = lineStart
            while contentStart < lineEnd, line[contentStart] == "#" || line[contentStart] == "*" || line[contentStart] == " " {
                contentStart += 1
            }
            while index < line.count {
                index = nextMarkerStart(line, from: index)
                guard index < line.count else { break }
                guard let (numeral, markerEnd) = marker(in: line, at: index) else { index += 1; continue }
                let atLineStart = index == contentStart
                if !atLineStart, !startsSentence(line, before: index) { index = markerEnd; continue }
                if let kind = match(line, markerEnd, numeral: numeral, atLineStart: atLineStart, lineEnd: lineEnd),
                   kind.rawValue > last {
                    let end = atLineStart && lineEnd - index <= 40 ? line.count : headingEnd(line, markerEnd, kind: kind)
                    found.append(SectionHeading(kind: kind, start: TextPosition(line: lineIndex, offset: atLineStart ? 0 : index),
                                                end: TextPosition(line: lineIndex, offset: end)))
                    last = kind.rawValue
                    index = end
                    continue
                }
                index = markerEnd
            }
        }
        return found
    }

    /// A line of only dashes or equals signs ends the report (notes may follow).
    static func isSeparator(_ line: [Unicode.Scalar]) -> Bool {
        let (lo, hi) = ScalarText.trim(line, 0, line.count)
        guard hi - lo >= 3 else { return false }
        for index in lo..<hi where !(line[index] == "-" || line[index] == "=" || line[index] == "—") { return false }
        return true
    }

    /// Whether a heading may start inside a line here: after a sentence end, a space or a number
    /// (text that lost its line breaks), not inside a phrase such as "第二十条第（二）款".
    private static func startsSentence(_ line: [Unicode.Scalar], before index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = line[index - 1]
        return previous == "。" || previous == "；" || previous == " " || previous == "\t" || previous == "！"
            || ScalarText.isDigit(previous)
    }

    /// The first index at or after `from` whose scalar may begin a marker (`line.count` if none).
    @inline(__always)
    private static func nextMarkerStart(_ line: [Unicode.Scalar], from: Int) -> Int {
        line.withUnsafeBufferPointer { buffer in
            var index = from
            let count = buffer.count
            while index < count, !(mayHaveMarkerLowByte(buffer[index]) && mayStartMarker(buffer[index])) { index += 1 }
            return index
        }
    }

    /// A quick filter for `mayStartMarker` on the scalar's low byte (0x00, 0x08, 0x09, 0x28, 0x6D, 0x8C, 0x94, 0xDB):
    /// most scalars fail it.
    @inline(__always)
    private static func mayHaveMarkerLowByte(_ scalar: Unicode.Scalar) -> Bool {
        let low = scalar.value & 0xFF
        let mask: UInt64
        switch low >> 6 {
        case 0: mask = 1 | 1 << 8 | 1 << 9 | 1 << 40
        case 1: mask = 1 << 45
        case 2: mask = 1 << 12 | 1 << 20
        default: mask = 1 << 27
        }
        return (mask >> UInt64(low & 63)) & 1 != 0
    }

    /// Whether a scalar can begin a marker: 一 … 六 or an opening bracket.
    @inline(__always)
    private static func mayStartMarker(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0xFF08, 0x28: return true
        default: return false
        }
    }

    /// A numeral marker at `index`: "三、", "（三）", "(三)". Returns the numeral and the index after it.
    private static func marker(in line: [Unicode.Scalar], at index: Int) -> (Int, Int)? {
        let scalar = line[index]
        if let numeral = ScalarText.chineseNumeral(scalar), numeral <= 6, index + 1 < line.count, line[index + 1] == "、" {
            if index > 0, ScalarText.chineseNumeral(line[index - 1]) != nil { return nil }
            return (numeral, index + 2)
        }
        if ScalarText.isOpenParen(scalar), index + 2 < line.count, let numeral = ScalarText.chineseNumeral(line[index + 1]),
           numeral <= 6, ScalarText.isCloseParen(line[index + 2]) {
            return (numeral, index + 3)
        }
        return nil
    }

    private static func match(_ line: [Unicode.Scalar], _ from: Int, numeral: Int, atLineStart: Bool, lineEnd: Int) -> SectionKind? {
        // The window after the marker, stopping at digits and sentence ends.
        var end = from
        let limit = min(line.count, from + window)
        while end < limit, !ScalarText.isDigit(line[end]), line[end] != "。", line[end] != "\t" { end += 1 }
        func occurs(_ words: [Keyword]) -> Bool {
            words.contains { ScalarText.find($0.scalars, in: line, from: from, to: end) != nil }
        }
        if let kind = SectionKind(rawValue: numeral), occurs(keywordsByKind[kind.rawValue]) {
            return kind
        }
        guard atLineStart, lineEnd - from <= 30 else { return nil }
        for kind in SectionKind.allCases where kind.rawValue != numeral {
            if occurs(strongKeywordsByKind[kind.rawValue]) { return kind }
        }
        return nil
    }

    /// For a heading inside a longer line: the end of "…情况"/"…事项" after the keyword, else the end of the window's words.
    private static func headingEnd(_ line: [Unicode.Scalar], _ from: Int, kind: SectionKind) -> Int {
        var end = from
        let limit = min(line.count, from + window + 4)
        while end < limit, !ScalarText.isDigit(line[end]), line[end] != "。", line[end] != " ", line[end] != "\t" { end += 1 }
        let text = Array(line[from..<end])
        var best: Int?
        for ending in endings {
            if let at = ScalarText.find(ending.scalars, in: text) {
                let candidate = from + at + ending.scalars.count
                best = min(best ?? candidate, candidate)
            }
        }
        return best ?? end
    }
}
