/// The kind of a dropped file, decided from its bytes; the file name is only a hint.
public enum DocumentFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case text
    case markdown
    case docx
    case html
    case pdf
    case doc
    case wps
    case xls
    case xlsx
    case image
    case archive
    case unknown

    /// How the format is named in Chinese findings, e.g. "Word 97-2003 文档（.doc）".
    public var displayName: String {
        switch self {
        case .text: return "纯文本"
        case .markdown: return "Markdown 文本"
        case .docx: return "Word 文档（.docx）"
        case .html: return "网页（HTML）"
        case .pdf: return "PDF 文件"
        case .doc: return "Word 97-2003 文档（.doc）"
        case .wps: return "WPS 文字文档（.wps）"
        case .xls: return "Excel 97-2003 表格（.xls）"
        case .xlsx: return "Excel 表格（.xlsx）"
        case .image: return "图片"
        case .archive: return "压缩包"
        case .unknown: return "无法识别的文件"
        }
    }

    /// Whether the extractor can read text out of this format.
    public var isSupported: Bool {
        switch self {
        case .text, .markdown, .docx, .html, .pdf: return true
        case .doc, .wps, .xls, .xlsx, .image, .archive, .unknown: return false
        }
    }

    /// Detects the format from the content, using `fileName` only to refine
    /// ambiguous containers (OLE2: .doc/.wps/.xls) and plain text (.md).
    public static func detect(_ bytes: [UInt8], fileName: String) -> DocumentFormat {
        FormatSniffer(bytes: bytes, fileName: fileName).detect()
    }
}
