import NianbaoEngine

/// Turns a dropped file's bytes into engine input, or refuses it with a finding.
///
/// The format is detected from the content; the file name is only a hint.
/// Every reader is bounded by `ExtractionLimits`, so hostile input is refused
/// quickly instead of exhausting memory or time.
public struct DocumentExtractor: Sendable {
    /// The bounds applied to every input.
    public let limits: ExtractionLimits
    /// The GB18030 decoder for legacy-encoded text and HTML, if the platform supplies one.
    public let legacy: (any LegacyTextDecoder)?
    /// The converter for .doc/.wps/.rtf/.odt, if one is installed.
    public let converter: (any DocumentConverter)?
    /// Reads PDFs in a bounded child process; nil reads them in this process.
    public let isolated: (any IsolatedReader)?

    /// - Parameters:
    ///   - limits: bounds on size, inflation, nesting and line count.
    ///   - legacy: the GB18030 decoder (iconv on Linux); without it GBK text is refused.
    ///   - converter: converts legacy documents to .docx; without it they are refused, naming the package.
    ///   - isolated: reads PDFs out of process; nil reads them here.
    public init(limits: ExtractionLimits = .default, legacy: (any LegacyTextDecoder)?, converter: (any DocumentConverter)? = nil,
                isolated: (any IsolatedReader)? = nil) {
        self.limits = limits
        self.legacy = legacy
        self.converter = converter
        self.isolated = isolated
    }

    /// Reads a document of an isolated format here, without normalising: what the
    /// child process of an `IsolatedReader` runs.
    public func readInProcess(_ bytes: [UInt8], format: DocumentFormat) -> IsolatedReading {
        guard bytes.count <= limits.maxInputBytes else { return .refused(Finding(.inputTooLarge, "文件过大，拒绝读取")) }
        do {
            switch format {
            case .pdf:
                let document = try PDFTextReader(limits: limits).read(bytes).document
                return .lines(document.lines, notes: document.notes)
            default: return .refused(format.unsupportedFinding)
            }
        } catch {
            return .refused(error.finding(format: format))
        }
    }

    /// Extracts the text of `bytes`; `fileName` refines ambiguous formats only.
    public func extract(_ bytes: [UInt8], fileName: String) -> Extraction {
        let format = DocumentFormat.detect(bytes, fileName: fileName)
        guard bytes.count <= limits.maxInputBytes else {
            let megabytes = limits.maxInputBytes >> 20
            return .refused(format: format, finding: Finding(.inputTooLarge, "文件超过 \(megabytes) MB，拒绝读取"))
        }
        guard format.isSupported else { return .refused(format: format, finding: format.unsupportedFinding) }
        if format.needsConversion {
            guard let converter else { return .refused(format: format, finding: format.converterMissingFinding) }
            switch converter.convertToDocx(bytes, from: format) {
            case .refused(let finding):
                return .refused(format: format, finding: finding)
            case .docx(let docx):
                return readDocx(docx, as: format)
            }
        }
        do {
            switch format {
            case .text, .markdown:
                switch TextDecoding.decode(bytes, legacy: legacy) {
                case .failure(let failure):
                    return .refused(format: format, finding: failure.finding)
                case .success(let decoded):
                    try checkLineCount(decoded.text)
                    let document = TextNormalization.document(from: decoded.text)
                    return .document(document, format: format, encoding: decoded.encoding.rawValue)
                }
            case .html:
                guard let decoded = HTMLCharset(legacy: legacy).decode(bytes) else { throw ExtractionFailure.undecodable }
                let sink = try HTMLDocumentReader(limits: limits).read(decoded.text)
                return .document(TextNormalization.normalize(sink.document), format: format, encoding: decoded.encoding.rawValue)
            case .docx:
                return readDocx(bytes, as: format)
            case .pdf:
                if let isolated {
                    switch isolated.read(bytes, format: format) {
                    case .refused(let finding): return .refused(format: format, finding: finding)
                    case .lines(let lines, let notes):
                        return .document(TextNormalization.normalize(SourceDocument(lines: lines, notes: notes)), format: format, encoding: nil)
                    }
                }
                let sink = try PDFTextReader(limits: limits).read(bytes)
                return .document(TextNormalization.normalize(sink.document), format: format, encoding: nil)
            default:
                return .refused(format: format, finding: format.unsupportedFinding)
            }
        } catch let failure as ExtractionFailure {
            return .refused(format: format, finding: failure.finding(format: format))
        } catch {
            return .refused(format: format, finding: ExtractionFailure.broken("\(error)").finding(format: format))
        }
    }

    /// Reads .docx bytes (a .docx file, or a converted legacy document reported as `format`).
    private func readDocx(_ bytes: [UInt8], as format: DocumentFormat) -> Extraction {
        do {
            let xml = try DocxArchive(limits: limits).documentXML(from: bytes)
            let sink = try WordDocumentReader(limits: limits).read(xml)
            return .document(TextNormalization.normalize(sink.document), format: format, encoding: nil)
        } catch {
            return .refused(format: format, finding: error.finding(format: format))
        }
    }

    private func checkLineCount(_ text: String) throws(ExtractionFailure) {
        // Each line takes at least one byte: a text no longer than the limit cannot exceed it.
        guard text.utf8.count > limits.maxLines else { return }
        var text = text
        // A contiguous UTF-8 buffer (native strings are): a plain byte loop, no String iteration.
        let count = text.withUTF8 { utf8 in
            var count = 0
            for byte in utf8 where byte == 0x0A { count += 1 }
            return count
        }
        if count > limits.maxLines { throw .tooManyLines }
    }
}
