import NianbaoEngine

/// Decodes an HTML page's bytes: BOM, then a declared Chinese charset
/// (`<meta charset>` or `http-equiv`), then UTF-8, then GB18030.
struct HTMLCharset {
    let legacy: (any LegacyTextDecoder)?

    /// The charset named in the first 4 KiB, lowercased, if any.
    static func declared(in bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        guard let found = FormatSniffer.find(Array("charset".utf8), in: head[...]) else { return nil }
        var index = found + 7
        func skipSpaces() { while index < head.count, head[index] == 0x20 || head[index] == 0x09 { index += 1 } }
        skipSpaces()
        guard index < head.count, head[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        skipSpaces()
        while index < head.count, head[index] == UInt8(ascii: "\"") || head[index] == UInt8(ascii: "'") { index += 1 }
        let start = index
        while index < head.count, index - start < 40 {
            let byte = head[index]
            let isName = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
            guard isName else { break }
            index += 1
        }
        return index > start ? String(decoding: head[start..<index], as: UTF8.self) : nil
    }

    /// The decoded page and the encoding used, or nil when nothing decodes it.
    func decode(_ bytes: [UInt8]) -> DecodedText? {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        let chinese: Set = ["gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"]
        if !hasBOM, let charset = Self.declared(in: bytes), chinese.contains(charset),
           let text = legacy?.decodeGB18030(bytes) {
            return DecodedText(text: text, encoding: .gb18030)
        }
        return try? TextDecoding.decode(bytes, legacy: legacy).get()
    }
}
