/// The kind of a dropped file, decided from its bytes; the file name is only a hint.
public enum DocumentFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case text
    case markdown
    case docx
    case html
    case pdf
    case doc
    case wps
    case rtf
    case odt
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
        case .rtf: return "RTF 文档（.rtf）"
        case .odt: return "OpenDocument 文档（.odt）"
        case .xls: return "Excel 97-2003 表格（.xls）"
        case .xlsx: return "Excel 表格（.xlsx）"
        case .image: return "图片"
        case .archive: return "压缩包"
        case .unknown: return "无法识别的文件"
        }
    }

    /// Whether the extractor can read text out of this format (some through a converter).
    public var isSupported: Bool {
        switch self {
        case .text, .markdown, .docx, .html, .pdf, .doc, .wps, .rtf, .odt: return true
        case .xls, .xlsx, .image, .archive, .unknown: return false
        }
    }

    /// Whether the format is read by converting it to .docx first (legacy Word, WPS, RTF, ODT).
    public var needsConversion: Bool {
        switch self {
        case .doc, .wps, .rtf, .odt: return true
        default: return false
        }
    }

    /// The usual file name extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .markdown: return "md"
        case .text: return "txt"
        case .image, .archive, .unknown: return "bin"
        default: return rawValue
        }
    }

    /// Detects the format from the content, using `fileName` only to refine
    /// ambiguous containers (OLE2: .doc/.wps/.xls) and plain text (.md).
    public static func detect(_ bytes: [UInt8], fileName: String) -> DocumentFormat {
        FormatSniffer(bytes: bytes, fileName: fileName).detect()
    }
}
