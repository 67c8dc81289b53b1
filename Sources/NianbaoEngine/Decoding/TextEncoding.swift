/// The character encodings the engine recognises in text input.
public enum TextEncoding: String, Sendable, Hashable, Codable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case gb18030 = "gb18030"
}

/// Converts GB18030 (a superset of GBK and GB2312) bytes to a string.
///
/// The engine is pure; the platform supplies the converter (iconv on Linux).
public protocol LegacyTextDecoder: Sendable {
    /// Decodes `bytes` as GB18030, or returns nil if they are not valid GB18030.
    func decodeGB18030(_ bytes: [UInt8]) -> String?
}

/// Text decoded from bytes, with the encoding that was detected.
public struct DecodedText: Sendable, Hashable {
    public var text: String
    public var encoding: TextEncoding

    public init(text: String, encoding: TextEncoding) {
        self.text = text
        self.encoding = encoding
    }
}
