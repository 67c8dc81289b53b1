#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides a file's format from magic bytes and structure.
struct FormatSniffer {
    let bytes: [UInt8]
    let fileName: String

    private var lowerName: String { fileName.lowercased() }

    private func nameEnds(_ suffixes: String...) -> Bool {
        suffixes.contains { lowerName.hasSuffix($0) }
    }

    func detect() -> DocumentFormat {
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return zipKind() }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return oleKind() }
        if pdfHeaderOffset() != nil { return .pdf }
        if starts(Array("{\\rtf".utf8)) { return .rtf }
        if isImage() { return .image }
        if isArchive() { return .archive }
        if looksLikeHTML() { return .html }
        if looksBinary() { return .unknown }
        if nameEnds(".md", ".markdown") { return .markdown }
        return .text
    }

    private func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
        guard bytes.count >= offset + magic.count else { return false }
        return bytes[offset..<(offset + magic.count)].elementsEqual(magic)
    }

    /// "%PDF-" within the first KiB (some generators prepend junk).
    func pdfHeaderOffset() -> Int? {
        let head = bytes.prefix(1024)
        return Self.find(Array("%PDF-".utf8), in: head)
    }

    private func zipKind() -> DocumentFormat {
        if Self.find(Array("word/document.xml".utf8), in: bytes[...]) != nil { return .docx }
        if starts(Array("mimetypeapplication/vnd.oasis.opendocument.text".utf8), at: 30) { return .odt }
        if Self.find(Array("xl/workbook.xml".utf8), in: bytes[...]) != nil { return .xlsx }
        return .archive
    }

    private func oleKind() -> DocumentFormat {
        if nameEnds(".xls", ".et") { return .xls }
        if nameEnds(".wps") { return .wps }
        if nameEnds(".doc", ".dot") { return .doc }
        if Self.find(utf16("Workbook"), in: bytes[...]) != nil || Self.find(utf16("Book"), in: bytes[...]) != nil {
            return .xls
        }
        return .doc
    }

    private func utf16(_ text: String) -> [UInt8] {
        text.utf8.flatMap { [$0, 0] }
    }

    private func isImage() -> Bool {
        starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) || starts([0xFF, 0xD8, 0xFF])
            || starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8))
            || starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A])
            || starts(Array("BM".utf8)) && bytes.count > 26 && bytes[14] >= 12 && bytes[15] == 0
            || starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8)
    }

    private func isArchive() -> Bool {
        starts([0x1F, 0x8B]) || starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C])
            || starts(Array("Rar!".utf8)) || starts([0x42, 0x5A, 0x68])
            || starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) || starts(Array("ustar".utf8), at: 257)
    }

    private func looksLikeHTML() -> Bool {
        // HTML starts with "<" after whitespace; deciding that the first character is
        // something else needs no String (most reports start with a Chinese title).
        if firstCharacterIsNotAngleBracket() { return false }
        var head = Array(bytes.prefix(2048))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        // The markers are ASCII: folding ASCII letters is enough, and far cheaper than
        // Unicode lowercasing of a head that is mostly Chinese.
        for index in head.indices where (0x41 ... 0x5A).contains(head[index]) { head[index] |= 0x20 }
        let text = String(decoding: head, as: UTF8.self)
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<table") {
            return true
        }
        let markers = ["<html", "<body", "<table", "<head>", "<meta "]
        if trimmed.hasPrefix("<") && markers.contains(where: { text.contains($0) }) { return true }
        return nameEnds(".html", ".htm", ".shtml", ".xhtml") && trimmed.hasPrefix("<")
    }

    /// Whether the first character after a UTF-8 BOM and leading whitespace is surely not
    /// "<", decided on the bytes: false whenever in doubt (the slow path then decides).
    ///
    /// Tab, LF, VT, FF and CR are skipped: a character always ends after them. A space
    /// could carry a combining mark, so it leaves the decision to the slow path, as does a
    /// first scalar that is whitespace itself or "<". Any other first scalar starts a
    /// character that is neither whitespace nor "<" (a broken sequence reads as U+FFFD).
    func firstCharacterIsNotAngleBracket() -> Bool {
        var index = starts([0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, (0x09 ... 0x0D).contains(bytes[index]) { index += 1 }
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        if byte < 0x80 {
            return byte != UInt8(ascii: "<") && byte > 0x20
        }
        let window = bytes[index ..< min(index + 4, bytes.count)]
        guard let scalar = String(decoding: window, as: UTF8.self).unicodeScalars.first else { return false }
        return !scalar.properties.isWhitespace && scalar != "<"
    }

    /// NUL bytes in the head mean binary, unless the text is UTF-16 with a BOM.
    private func looksBinary() -> Bool {
        if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) { return false }
        // memchr: a byte-at-a-time Sequence.contains costs more than the rest of the sniffing.
        return bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0, min(buffer.count, 4096)) != nil
        }
    }

    /// The offset of `needle` in `haystack`, by a simple first-byte scan.
    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
