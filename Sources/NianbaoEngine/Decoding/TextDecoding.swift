/// Turns raw file bytes into text: byte-order marks, strict UTF-8, then GB18030
/// through an injected legacy decoder; empty and binary input are failures.
public enum TextDecoding {
    /// Decodes `bytes`, detecting the encoding.
    ///
    /// Order: UTF-8 BOM, UTF-16LE/BE BOM, strict UTF-8, GB18030 (via `legacy`).
    /// A leading BOM is not part of the returned text.
    public static func decode(_ bytes: [UInt8], legacy: (any LegacyTextDecoder)?) -> Result<DecodedText, DecodingFailure> {
        if bytes.isEmpty {
            return .failure(DecodingFailure(.empty, message: "文件为空，没有可读取的内容"))
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return decodeUTF16(bytes, littleEndian: true)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return decodeUTF16(bytes, littleEndian: false)
        }
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let body = hasBOM ? Array(bytes[3...]) : bytes
        if let reason = BinarySniffer.binaryReason(body) {
            return .failure(DecodingFailure(.binary, message: reason))
        }
        if let text = String(validating: body, as: UTF8.self) {
            return .success(DecodedText(text: text, encoding: hasBOM ? .utf8BOM : .utf8))
        }
        if !hasBOM, let legacy, let text = legacy.decodeGB18030(body) {
            return .success(DecodedText(text: text, encoding: .gb18030))
        }
        let message = legacy == nil
            ? "文件不是有效的 UTF-8 文本，且无法按 GB18030 解码（未提供解码器）"
            : "文件既不是有效的 UTF-8 文本，也不是有效的 GB18030/GBK 文本"
        return .failure(DecodingFailure(.unknownEncoding, message: message))
    }

    /// Decodes and normalises in one step: the engine's input for a plain-text file.
    public static func document(from bytes: [UInt8], legacy: (any LegacyTextDecoder)?) -> Result<SourceDocument, DecodingFailure> {
        decode(bytes, legacy: legacy).map { TextNormalization.document(from: $0.text) }
    }

    private static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool) -> Result<DecodedText, DecodingFailure> {
        let payload = bytes.count - 2
        guard payload % 2 == 0 else {
            return .failure(DecodingFailure(.invalidUTF16, message: "文件声明为 UTF-16，但字节数为奇数，内容不完整"))
        }
        var units: [UInt16] = []
        units.reserveCapacity(payload / 2)
        var index = 2
        while index + 1 < bytes.count {
            let low = UInt16(bytes[littleEndian ? index : index + 1])
            let high = UInt16(bytes[littleEndian ? index + 1 : index])
            units.append(high << 8 | low)
            index += 2
        }
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var controls = 0
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 {
                    return .failure(DecodingFailure(.binary, message: "文件含有 NUL 字符，看起来是二进制文件而不是文本"))
                }
                if BinarySniffer.isSuspiciousControl(scalar.value) { controls += 1 }
                scalars.append(scalar)
            case .emptyInput:
                break decoding
            case .error:
                return .failure(DecodingFailure(.invalidUTF16, message: "文件声明为 UTF-16，但含有无效的 UTF-16 序列"))
            }
        }
        if BinarySniffer.tooManyControls(controls, of: units.count) {
            return .failure(DecodingFailure(.binary, message: BinarySniffer.controlMessage))
        }
        return .success(DecodedText(text: String(scalars), encoding: littleEndian ? .utf16LE : .utf16BE))
    }
}
