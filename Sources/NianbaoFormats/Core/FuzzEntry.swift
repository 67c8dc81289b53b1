import NianbaoEngine

/// Entry points for the fuzz targets (`Sources/nianbao-fuzz`) and their corpus
/// regression tests: each reader on arbitrary bytes, then the engine on what it
/// read. None may crash, hang or grow without bound, whatever the bytes.
public enum FuzzEntry {
    /// The fuzz targets by name.
    public static let targets = ["engine", "docx", "html", "pdf", "grid"]

    /// Runs `target` on `bytes`; returns the number of findings (to keep the work observable).
    @discardableResult
    public static func run(_ target: String, _ bytes: [UInt8]) -> Int {
        let limits = ExtractionLimits.default
        let engine = ReportEngine()
        var document: SourceDocument?
        switch target {
        case "engine":
            if case .success(let decoded) = TextDecoding.decode(bytes, legacy: nil) {
                document = TextNormalization.document(from: decoded.text)
            }
        case "docx":
            document = try? WordDocumentReader(limits: limits).read(bytes).document
        case "html":
            if let decoded = HTMLCharset(legacy: nil).decode(bytes) {
                document = try? HTMLDocumentReader(limits: limits).read(decoded.text).document
            }
        case "pdf":
            document = try? PDFTextReader(limits: limits).read(bytes).document
        case "grid":
            // The ruled-table path alone: cairo SVG parsing, grid building, cells, page breaks.
            return GridFuzzInput.run(bytes)
        default:
            return 0
        }
        guard let document else { return 0 }
        return engine.assess(TextNormalization.normalize(document)).findings.count
    }
}
