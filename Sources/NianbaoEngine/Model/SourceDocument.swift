/// The engine's input: a document as an ordered list of lines, each with a
/// human-readable location in the document's own terms.
///
/// Plain text becomes one `SourceLine` per text line ("第 12 行"). Structured
/// formats (.docx, .html, .pdf) become lines too: a table row is one line whose
/// cells are separated by tabs, located as "表 2 第 5 行" or "第 3 页第 12 行".
public struct SourceDocument: Sendable, Hashable {
    /// The lines, in reading order.
    public var lines: [SourceLine]
    /// What the reader noted about how it read the document (info findings, e.g.
    /// a PDF table read without ruling lines); the engine reports them as they are.
    public var notes: [Finding]

    public init(lines: [SourceLine], notes: [Finding] = []) {
        self.lines = lines
        self.notes = notes
    }

    /// Splits already-decoded text into lines located as "第 N 行" (1-based).
    public init(text: String) {
        var result: [SourceLine] = []
        var number = 0
        text.enumerateLinesPreservingEmpty { line in
            number += 1
            result.append(SourceLine(text: line, location: "第 \(number) 行"))
        }
        self.lines = result
        self.notes = []
    }
}

/// One line of a source document.
public struct SourceLine: Sendable, Hashable {
    /// The line's text, without its line terminator.
    public var text: String
    /// Where the line is, in the document's own terms ("第 12 行", "表 2 第 5 行").
    public var location: String

    public init(text: String, location: String) {
        self.text = text
        self.location = location
    }
}

extension String {
    /// Calls `body` with every line, splitting on LF, CRLF and lone CR, keeping
    /// empty lines (a final terminator does not produce an extra empty line).
    /// Works on UTF-8 bytes: line terminators are ASCII, so slicing never splits a scalar.
    func enumerateLinesPreservingEmpty(_ body: (String) -> Void) {
        var text = self
        text.withUTF8 { bytes in
            var start = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                if byte == 0x0A || byte == 0x0D {
                    body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                    if byte == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                    i += 1
                    start = i
                    continue
                }
                i += 1
            }
            if start < n {
                body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<n]), as: UTF8.self))
            }
        }
    }
}
