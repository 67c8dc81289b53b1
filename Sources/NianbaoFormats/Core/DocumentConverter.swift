import NianbaoEngine

/// Converts a legacy document (.doc, .wps, .rtf, .odt) to .docx, outside the
/// calling process and within a time and memory budget. The platform supplies
/// it (LibreOffice headless); the extractor then reads the .docx.
public protocol DocumentConverter: Sendable {
    /// The .docx bytes of the document, or the refusal finding (timeout, crash …).
    func convertToDocx(_ bytes: [UInt8], from format: DocumentFormat) -> ConversionOutcome
}

/// What a conversion produced.
public enum ConversionOutcome: Sendable {
    case docx([UInt8])
    case refused(Finding)
}

extension DocumentFormat {
    /// The refusal when no converter is installed: names the Debian package.
    var converterMissingFinding: Finding {
        Finding(.converterMissing,
                "\(displayName)需要转换后才能读取，但本机未安装转换器（Debian 软件包 libreoffice-writer-nogui）；请管理员安装，或改交 .docx 或带文字层的 PDF")
    }
}
