/// Decoded text → `SourceDocument`: splits lines (LF, CRLF, CR), repairs each
/// line with `ScalarNormalizer` and drops PDF page-marker lines ("- 3 -").
///
/// Every kept line keeps its original number in its location ("第 245 行"),
/// so findings name the real line of the file even after lines are dropped.
public enum TextNormalization {
    /// The document for plain text.
    public static func document(from text: String) -> SourceDocument {
        let scalars = ScalarText.of(text)
        var lines: [SourceLine] = []
        var number = 0
        var start = 0
        var index = 0
        let count = scalars.count
        func emit(_ end: Int) {
            number += 1
            let line = ScalarNormalizer.normalize(scalars[start..<end])
            if !isPageMarker(line) {
                lines.append(SourceLine(text: ScalarText.string(line), location: "第 \(number) 行"))
            }
        }
        while index < count {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                emit(index)
                if scalar == "\r", index + 1 < count, scalars[index + 1] == "\n" { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if start < count { emit(count) }
        return SourceDocument(lines: lines)
    }

    /// The same repairs applied to a document built elsewhere (e.g. from .docx); locations are kept.
    public static func normalize(_ document: SourceDocument) -> SourceDocument {
        var lines: [SourceLine] = []
        lines.reserveCapacity(document.lines.count)
        for line in document.lines {
            let scalars = ScalarNormalizer.normalize(ScalarText.of(line.text))
            if isPageMarker(scalars) { continue }
            lines.append(SourceLine(text: ScalarText.string(scalars), location: line.location))
        }
        return SourceDocument(lines: lines)
    }

    /// Whether a line is only a page marker: "- 3 -", "— 12 —", "-3-".
    static func isPageMarker(_ scalars: [Unicode.Scalar]) -> Bool {
        var lo = 0
        var hi = scalars.count
        while lo < hi, ScalarText.isSpace(scalars[lo]) { lo += 1 }
        while hi > lo, ScalarText.isSpace(scalars[hi - 1]) { hi -= 1 }
        guard hi - lo >= 3, isDash(scalars[lo]), isDash(scalars[hi - 1]) else { return false }
        var digits = 0
        for index in (lo + 1)..<(hi - 1) {
            let scalar = scalars[index]
            if ScalarText.isDigit(scalar) {
                digits += 1
            } else if !ScalarText.isSpace(scalar) {
                return false
            }
        }
        return (1...4).contains(digits)
    }

    private static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "—" || scalar == "–" || scalar == "－"
    }
}
