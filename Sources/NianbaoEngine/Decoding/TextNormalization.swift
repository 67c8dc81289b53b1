/// Decoded text → `SourceDocument`: splits lines (LF, CRLF, CR), repairs each
/// line with `ScalarNormalizer` and drops PDF page-marker lines ("- 3 -").
///
/// Every kept line keeps its original number in its location ("第 245 行"),
/// so findings name the real line of the file even after lines are dropped.
public enum TextNormalization {
    /// The document for plain text.
    ///
    /// Works on the UTF-8 bytes: a line that needs no repair is copied as it is
    /// (no decoding, no re-encoding); only lines with something to repair go
    /// through `ScalarNormalizer`.
    public static func document(from text: String) -> SourceDocument {
        let original = text
        var storage = text
        // Read once here: each access to the static would go through its lazy-initialisation check.
        let locations = LineLocations.cached
        func location(_ number: Int) -> String {
            number < locations.count ? locations[number] : LineLocations.location(number)
        }
        let lines: [SourceLine] = storage.withUTF8 { bytes in
            var lines: [SourceLine] = []
            lines.reserveCapacity(bytes.count / 24 + 1)
            var number = 0
            var start = 0
            var index = 0
            let count = bytes.count
            func emit(_ end: Int) {
                number += 1
                if start == end {
                    lines.append(SourceLine(text: "", location: location(number)))
                    return
                }
                if ScalarText.isNormal(bytes, start, end) {
                    if mayBePageMarker(bytes, start, end), isPageMarker(ScalarText.normalized(bytes, start, end)) { return }
                    let utf8 = original.utf8
                    let lower = utf8.index(utf8.startIndex, offsetBy: start)
                    let upper = utf8.index(lower, offsetBy: end - start)
                    lines.append(SourceLine(text: String(original[lower..<upper]), location: location(number)))
                    return
                }
                let line = ScalarText.normalized(bytes, start, end)
                if !isPageMarker(line) {
                    lines.append(SourceLine(text: ScalarText.string(line), location: location(number)))
                }
            }
            let base = UnsafeRawPointer(bytes.baseAddress)
            while index < count {
                if let base, index + 8 <= count {
                    // Eight bytes at a time while none is below 0x0E (no line break).
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    emit(index)
                    if byte == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
                    start = index + 1
                }
                index += 1
            }
            if start < count { emit(count) }
            return lines
        }
        return SourceDocument(lines: lines)
    }

    /// Whether a line's first non-space byte could start a dash ("-", "—", "–").
    private static func mayBePageMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        var index = lo
        while index < hi, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index < hi && (bytes[index] == 0x2D || bytes[index] == 0xE2)
    }

    /// The same repairs applied to a document built elsewhere (e.g. from .docx); locations are kept.
    public static func normalize(_ document: SourceDocument) -> SourceDocument {
        var lines: [SourceLine] = []
        lines.reserveCapacity(document.lines.count)
        for line in document.lines {
            let scalars = ScalarText.normalized(line.text)
            if isPageMarker(scalars) { continue }
            lines.append(SourceLine(text: ScalarText.string(scalars), location: line.location))
        }
        return SourceDocument(lines: lines, notes: document.notes)
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

/// "第 N 行" locations, built once for the line numbers most documents have.
enum LineLocations {
    static let cached: [String] = (0...4096).map { "第 \($0) 行" }

    static func location(_ number: Int) -> String {
        number >= 0 && number < cached.count ? cached[number] : "第 \(number) 行"
    }
}
