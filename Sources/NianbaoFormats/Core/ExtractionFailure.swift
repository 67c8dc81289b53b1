import NianbaoEngine

/// Why a supported format could not be read; becomes a refusal finding.
enum ExtractionFailure: Error, Sendable, Equatable {
    /// The file is damaged or not what it claims to be; the detail is Chinese.
    case broken(String)
    /// Inflating the container would exceed a limit (zip bomb).
    case bomb(String)
    /// XML with a document type declaration (entity expansion risk).
    case doctype
    /// Nesting deeper than the limit.
    case tooDeep
    /// The PDF is encrypted or has no text layer.
    case noTextLayer
    /// The PDF is a scan, and Tesseract (libtesseract5 and its Chinese and English data) is not installed.
    case ocrUnavailable
    /// More lines than the limit.
    case tooManyLines
    /// The text is in an encoding that cannot be decoded.
    case undecodable

    /// The finding reported for this failure.
    func finding(format: DocumentFormat) -> Finding {
        let name = format.displayName
        switch self {
        case .broken(let detail):
            return Finding(.inputUnreadable, "\(name)已损坏或格式不正确，无法读取：\(detail)")
        case .bomb(let detail):
            return Finding(.inputUnreadable, "\(name)解压后体积异常（疑似压缩炸弹），拒绝读取：\(detail)")
        case .doctype:
            return Finding(.inputUnreadable, "\(name)含有 DOCTYPE 声明（可能用于实体膨胀攻击），拒绝读取")
        case .tooDeep:
            return Finding(.inputUnreadable, "\(name)的元素嵌套层数过深，拒绝读取")
        case .noTextLayer:
            return Finding(.inputUnreadable, "\(name)是扫描件或加密文件，无法提取文字；请提供带文字层的 PDF 或 .docx")
        case .ocrUnavailable:
            return Finding(.inputUnreadable, "\(name)是扫描件（没有文字层），本机未安装文字识别组件 Tesseract"
                           + "（libtesseract5、tesseract-ocr-chi-sim、tesseract-ocr-eng），无法识别；请安装后重新检查，或提供带文字层的 PDF")
        case .tooManyLines:
            return Finding(.inputTooLarge, "\(name)内容过长（行数超过上限），拒绝读取")
        case .undecodable:
            return Finding(.inputUnreadable, "\(name)的文字编码无法识别（既不是 UTF-8 也不是 GB18030）")
        }
    }
}

extension DocumentFormat {
    /// The refusal finding for a format the extractor does not read.
    var unsupportedFinding: Finding {
        let advice = "请转换为 .docx 或带文字层的 PDF 后重新提交"
        switch self {
        case .image:
            return Finding(.inputUnsupported, "不支持\(displayName)：图片中的文字无法核对，\(advice)")
        case .archive:
            return Finding(.inputUnsupported, "不支持\(displayName)：请解压后单独提交年报文件（.docx 或带文字层的 PDF）")
        case .unknown:
            return Finding(.inputUnsupported, "\(displayName)：不是可识别的年报格式，\(advice)")
        default:
            return Finding(.inputUnsupported, "不支持\(displayName)，\(advice)")
        }
    }
}
