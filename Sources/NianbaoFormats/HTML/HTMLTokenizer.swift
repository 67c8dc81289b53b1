/// A tolerant HTML tokenizer: tags, text, comments skipped, raw-text elements
/// (script, style) consumed whole. Never fails; malformed markup becomes text or is dropped.
struct HTMLTokenizer {
    enum Token {
        case start(name: String, attributes: [String: String])
        case end(name: String)
        case text(String)
    }

    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    private static let rawText: Set = ["script", "style", "textarea", "title", "xmp", "noscript", "template"]

    /// The next token, or nil at the end.
    mutating func next() -> Token? {
        guard index < bytes.count else { return nil }
        if bytes[index] != UInt8(ascii: "<") { return .text(takeText()) }
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
            skipDeclaration()
            return self.next()
        }
        if next == UInt8(ascii: "/") {
            let end = tagEnd(from: index + 2)
            let name = Self.name(bytes[(index + 2)..<max(index + 2, end - 1)])
            index = end
            return name.isEmpty ? self.next() : .end(name: name)
        }
        guard Self.isLetter(next) else {
            index += 1
            return .text("<")
        }
        let end = tagEnd(from: index + 1)
        let body = bytes[(index + 1)..<max(index + 1, end - 1)]
        index = end
        let (name, attributes) = Self.parseTag(body)
        if Self.rawText.contains(name) { skipRawText(name) }
        return .start(name: name, attributes: attributes)
    }

    private mutating func takeText() -> String {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipDeclaration() {
        if hasPrefix("<!--", at: index) {
            index = find("-->", from: index + 4).map { $0 + 3 } ?? bytes.count
        } else {
            index = tagEnd(from: index + 2)
        }
    }

    private mutating func skipRawText(_ name: String) {
        var position = index
        while let found = find("</", from: position) {
            let candidate = Self.name(bytes[(found + 2)..<min(found + 2 + name.utf8.count + 1, bytes.count)])
            if candidate == name {
                index = found
                return
            }
            position = found + 2
        }
        index = bytes.count
    }

    /// Index just past the closing `>` (quotes respected), or the end.
    private func tagEnd(from start: Int) -> Int {
        var position = start
        var quote: UInt8?
        while position < bytes.count {
            let byte = bytes[position]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return position + 1
            }
            position += 1
        }
        return bytes.count
    }

    private func hasPrefix(_ literal: String, at position: Int) -> Bool {
        let needle = Array(literal.utf8)
        guard position + needle.count <= bytes.count else { return false }
        return bytes[position..<(position + needle.count)].elementsEqual(needle)
    }

    private func find(_ literal: String, from position: Int) -> Int? {
        guard position < bytes.count else { return nil }
        return FormatSniffer.find(Array(literal.utf8), in: bytes[position...])
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == UInt8(ascii: "/")
    }

    /// A lowercased tag name from the start of `body`.
    private static func name(_ body: ArraySlice<UInt8>) -> String {
        let letters = body.prefix { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x3A }
        return String(decoding: letters, as: UTF8.self).lowercased()
    }

    private static func parseTag(_ body: ArraySlice<UInt8>) -> (String, [String: String]) {
        let tagName = name(body)
        var attributes: [String: String] = [:]
        var position = body.startIndex + tagName.utf8.count
        while position < body.endIndex, attributes.count < 64 {
            while position < body.endIndex, isSpace(body[position]) { position += 1 }
            let keyStart = position
            while position < body.endIndex, !isSpace(body[position]), body[position] != UInt8(ascii: "=") { position += 1 }
            let key = String(decoding: body[keyStart..<position], as: UTF8.self).lowercased()
            while position < body.endIndex, isSpace(body[position]) && body[position] != UInt8(ascii: "/") { position += 1 }
            var value = ""
            if position < body.endIndex, body[position] == UInt8(ascii: "=") {
                position += 1
                while position < body.endIndex, body[position] == 0x20 || body[position] == 0x09 { position += 1 }
                if position < body.endIndex, body[position] == UInt8(ascii: "\"") || body[position] == UInt8(ascii: "'") {
                    let quote = body[position]
                    position += 1
                    let valueStart = position
                    while position < body.endIndex, body[position] != quote { position += 1 }
                    value = String(decoding: body[valueStart..<position], as: UTF8.self)
                    position = min(position + 1, body.endIndex)
                } else {
                    let valueStart = position
                    while position < body.endIndex, !isSpace(body[position]) || body[position] == UInt8(ascii: "/") {
                        position += 1
                    }
                    value = String(decoding: body[valueStart..<position], as: UTF8.self)
                }
            }
            if !key.isEmpty { attributes[key] = HTMLEntities.decode(value) }
            if position == keyStart { position += 1 }
        }
        return (tagName, attributes)
    }
}
