import Foundation

/// A small, strict, streaming XML scanner for WordprocessingML.
///
/// It refuses any `<!DOCTYPE` (no entity declarations are ever processed),
/// caps nesting depth, checks that end tags match, and decodes only the five
/// predefined entities and numeric character references.
struct XMLScanner {
    /// One parsing event.
    enum Event {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    let bytes: [UInt8]
    let maxDepth: Int

    /// Scans the whole document, calling `handle` with every event in order.
    func scan(_ handle: (Event) throws(ExtractionFailure) -> Void) throws(ExtractionFailure) {
        var stack: [String] = []
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        var text: [UInt8] = []
        func flushText() throws(ExtractionFailure) {
            guard !text.isEmpty else { return }
            if !stack.isEmpty { try handle(.text(try decodeEntities(text))) }
            text.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") else {
                text.append(byte)
                index += 1
                continue
            }
            try flushText()
            if matches("<!--", at: index) {
                index = try skip(past: "-->", from: index + 4)
            } else if matches("<![CDATA[", at: index) {
                let end = try skip(past: "]]>", from: index + 9)
                if !stack.isEmpty { try handle(.text(String(decoding: bytes[(index + 9)..<(end - 3)], as: UTF8.self))) }
                index = end
            } else if matches("<?", at: index) {
                index = try skip(past: "?>", from: index + 2)
            } else if matches("<!", at: index) {
                throw .doctype
            } else if matches("</", at: index) {
                let end = try skip(past: ">", from: index + 2)
                var lo = index + 2
                var hi = end - 1
                while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 || bytes[lo] == 0x0A || bytes[lo] == 0x0D { lo += 1 }
                while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 || bytes[hi - 1] == 0x0A || bytes[hi - 1] == 0x0D { hi -= 1 }
                let name = String(decoding: bytes[lo..<hi], as: UTF8.self)
                guard let open = stack.popLast(), open == name else { throw .broken("XML 结束标签不匹配（\(name)）") }
                try handle(.end(name: name))
                index = end
            } else {
                let end = try tagEnd(from: index + 1)
                let selfClosing = bytes[end - 2] == UInt8(ascii: "/")
                let body = bytes[(index + 1)..<(end - (selfClosing ? 2 : 1))]
                let (name, attributes) = try parseTag(body)
                if !selfClosing {
                    stack.append(name)
                    guard stack.count <= maxDepth else { throw .tooDeep }
                }
                try handle(.start(name: name, attributes: attributes, selfClosing: selfClosing))
                if selfClosing { try handle(.end(name: name)) }
                index = end
            }
        }
        guard stack.isEmpty else { throw .broken("XML 元素未闭合") }
    }

    private func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for offset in 0..<count where bytes[index + offset] != buffer[offset] { return false }
            return true
        }
    }

    /// The index just past the terminator, searching from `start`.
    private func skip(past terminator: StaticString, from start: Int) throws(ExtractionFailure) -> Int {
        var index = start
        while index < bytes.count {
            if matches(terminator, at: index) { return index + terminator.utf8CodeUnitCount }
            index += 1
        }
        throw .broken("XML 意外结束")
    }

    /// The index just past the `>` closing a tag, honouring quoted attribute values.
    private func tagEnd(from start: Int) throws(ExtractionFailure) -> Int {
        var index = start
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            } else if byte == UInt8(ascii: "<") {
                break
            }
            index += 1
        }
        throw .broken("XML 标签未结束")
    }

    private func parseTag(_ body: ArraySlice<UInt8>) throws(ExtractionFailure) -> (String, [String: String]) {
        var index = body.startIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while index < body.endIndex, !isSpace(body[index]) { index += 1 }
        let name = String(decoding: body[body.startIndex..<index], as: UTF8.self)
        guard !name.isEmpty else { throw .broken("XML 标签名为空") }
        var attributes: [String: String] = [:]
        while index < body.endIndex {
            while index < body.endIndex, isSpace(body[index]) { index += 1 }
            guard index < body.endIndex else { break }
            let keyStart = index
            while index < body.endIndex, body[index] != UInt8(ascii: "="), !isSpace(body[index]) { index += 1 }
            let key = String(decoding: body[keyStart..<index], as: UTF8.self)
            while index < body.endIndex, isSpace(body[index]) { index += 1 }
            guard index < body.endIndex, body[index] == UInt8(ascii: "=") else { throw .broken("XML 属性格式错误") }
            index += 1
            while index < body.endIndex, isSpace(body[index]) { index += 1 }
            guard index < body.endIndex, body[index] == UInt8(ascii: "\"") || body[index] == UInt8(ascii: "'") else {
                throw .broken("XML 属性值缺少引号")
            }
            let quote = body[index]
            index += 1
            let valueStart = index
            while index < body.endIndex, body[index] != quote { index += 1 }
            guard index < body.endIndex else { throw .broken("XML 属性值未结束") }
            attributes[key] = try decodeEntities(Array(body[valueStart..<index]))
            index += 1
        }
        return (name, attributes)
    }

    /// Decodes &lt; &gt; &amp; &quot; &apos; and numeric references; any other entity is an error.
    func decodeEntities(_ raw: [UInt8]) throws(ExtractionFailure) -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            guard raw[index] == UInt8(ascii: "&") else {
                out.append(raw[index])
                index += 1
                continue
            }
            guard let semi = raw[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                throw .broken("XML 实体未结束")
            }
            let name = String(decoding: raw[(index + 1)..<semi], as: UTF8.self)
            guard let scalar = XMLScanner.entity(name) else { throw .broken("XML 含未定义的实体 &\(name);") }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            index = semi + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X"), let value = UInt32(name.dropFirst(2), radix: 16) {
                return Unicode.Scalar(value)
            }
            if name.hasPrefix("#"), let value = UInt32(name.dropFirst()) { return Unicode.Scalar(value) }
            return nil
        }
    }
}
