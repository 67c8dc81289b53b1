/// Bounds that keep extraction of hostile input fast and small.
public struct ExtractionLimits: Sendable, Hashable {
    /// Largest input file accepted, in bytes.
    public var maxInputBytes: Int
    /// Largest inflated size of `word/document.xml`, counted while inflating.
    public var maxDocumentXMLBytes: Int
    /// Largest inflated size of all zip entries read, counted while inflating.
    public var maxTotalInflatedBytes: Int
    /// Largest ratio of inflated to compressed bytes for one entry.
    public var maxCompressionRatio: Int
    /// Most entries a zip container may list.
    public var maxZipEntries: Int
    /// Deepest element nesting accepted in XML and HTML.
    public var maxNestingDepth: Int
    /// Most lines a document may produce.
    public var maxLines: Int
    /// Most PDF pages read.
    public var maxPDFPages: Int
    /// Most characters read from one PDF page.
    public var maxPDFCharactersPerPage: Int
    /// Most PDF pages without a text layer read by OCR (0: scans are not read).
    public var maxScannedPages: Int

    public init(
        maxInputBytes: Int = 64 << 20, maxDocumentXMLBytes: Int = 20 << 20, maxTotalInflatedBytes: Int = 64 << 20,
        maxCompressionRatio: Int = 200, maxZipEntries: Int = 2_000, maxNestingDepth: Int = 256,
        maxLines: Int = 200_000, maxPDFPages: Int = 500, maxPDFCharactersPerPage: Int = 200_000,
        maxScannedPages: Int = 40
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxDocumentXMLBytes = maxDocumentXMLBytes
        self.maxTotalInflatedBytes = maxTotalInflatedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxZipEntries = maxZipEntries
        self.maxNestingDepth = maxNestingDepth
        self.maxLines = maxLines
        self.maxPDFPages = maxPDFPages
        self.maxPDFCharactersPerPage = maxPDFCharactersPerPage
        self.maxScannedPages = maxScannedPages
    }

    /// Limits suitable for annual reports (a few MB at most).
    public static let `default` = ExtractionLimits()
}
