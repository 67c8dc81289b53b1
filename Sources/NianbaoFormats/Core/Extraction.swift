import NianbaoEngine

/// The result of turning a file's bytes into engine input.
public enum Extraction: Sendable, Hashable {
    /// The text was extracted. `encoding` names the character encoding that was
    /// decoded (e.g. "utf-8", "gb18030") for text and HTML; nil for binary formats.
    case document(SourceDocument, format: DocumentFormat, encoding: String?)
    /// The file cannot be checked; the finding says why, in Chinese.
    case refused(format: DocumentFormat, finding: Finding)

    /// The format that was detected.
    public var format: DocumentFormat {
        switch self {
        case .document(_, let format, _): return format
        case .refused(let format, _): return format
        }
    }

    /// The extracted document, if any.
    public var document: SourceDocument? {
        if case .document(let document, _, _) = self { return document }
        return nil
    }

    /// The refusal finding, if the file was refused.
    public var refusal: Finding? {
        if case .refused(_, let finding) = self { return finding }
        return nil
    }
}
