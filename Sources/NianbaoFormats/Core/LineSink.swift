import NianbaoEngine

/// Collects extracted lines, enforcing the line limit.
struct LineSink {
    private(set) var lines: [SourceLine] = []
    /// The reader's notes on how it read the document.
    var notes: [Finding] = []
    let maxLines: Int

    init(maxLines: Int) {
        self.maxLines = maxLines
    }

    /// Appends one line; throws when the limit is exceeded.
    mutating func append(_ text: String, at location: String) throws(ExtractionFailure) {
        guard lines.count < maxLines else { throw .tooManyLines }
        lines.append(SourceLine(text: text, location: location))
    }

    /// Appends a table row: cells cleaned and joined by tabs.
    mutating func appendRow(_ cells: [String], at location: String) throws(ExtractionFailure) {
        try append(cells.map(Self.cleanCell).joined(separator: "\t"), at: location)
    }

    /// A cell's text on one line: runs of white space (tabs, breaks, NBSP) become one space, trimmed.
    static func cleanCell(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{A0}" || scalar == "\u{3000}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The document built so far.
    var document: SourceDocument { SourceDocument(lines: lines, notes: notes) }
}
