/// Decoded text → `SourceDocument`: splits lines (LF, CRLF, CR), repairs each
/// line with `ScalarNormalizer` and drops PDF page-marker lines ("- 3 -").
///
/// Every kept line keeps its original number in its location ("第 245 行"),
/// so findings name the real line of the file even after lines are dropped.
public enum TextNormalization {
    /// The document for plain text.
    public static func document(from text: String) -> SourceDocument {
        var lines: [SourceLine] = []
        var number = 0
        text.enumerateLinesPreservingEmpty { line in
            number += 1
            let scalars = ScalarNormalizer.normalize(line.unicodeScalars)
            if isPageMarker(scalars) { return }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            lines.append(SourceLine(text: String(view), location: "第 \(number) 行"))
        }
        return SourceDocument(lines: lines)
    }

    /// The same repairs applied to a document built elsewhere (e.g. from .docx); locations are kept.
    public static func normalize(_ document: SourceDocument) -> SourceDocument {
        var lines: [SourceLine] = []
        lines.reserveCapacity(document.lines.count)
        for line in document.lines {
            let scalars = ScalarNormalizer.normalize(line.text.unicodeScalars)
            if isPageMarker(scalars) { continue }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            lines.append(SourceLine(text: String(view), location: line.location))
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
