import NianbaoEngine

/// Reads a document whose parser is a third-party C library (PDF through
/// poppler) in a separate, bounded process. The platform supplies it; the
/// child runs `DocumentExtractor.readInProcess` and sends back the lines.
public protocol IsolatedReader: Sendable {
    /// The document's raw lines, or the refusal (timeout, crash, unreadable …).
    func read(_ bytes: [UInt8], format: DocumentFormat) -> IsolatedReading
}

/// What an isolated reader produced.
public enum IsolatedReading: Sendable, Hashable {
    case lines([SourceLine], notes: [Finding] = [])
    case refused(Finding)
}

extension DocumentFormat {
    /// Whether the format's parser is a third-party library that runs in a child process when isolation is on.
    public var isIsolated: Bool { self == .pdf }
}

/// The byte stream between the isolated reader's child and the daemon: records of
/// a tag byte and length-prefixed UTF-8 fields ("L" location text, "R" code message).
public enum IsolatedReadingCodec {
    public static func encode(_ reading: IsolatedReading) -> [UInt8] {
        var out: [UInt8] = []
        func field(_ text: String) {
            let bytes = Array(text.utf8)
            withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: bytes)
        }
        switch reading {
        case .lines(let lines, let notes):
            for line in lines {
                out.append(UInt8(ascii: "L"))
                field(line.location)
                field(line.text)
            }
            for note in notes {
                out.append(UInt8(ascii: "N"))
                field(note.code.rawValue)
                field(note.message)
                field(note.location ?? "")
            }
        case .refused(let finding):
            out.append(UInt8(ascii: "R"))
            field(finding.code.rawValue)
            field(finding.message)
        }
        out.append(UInt8(ascii: "E"))
        return out
    }

    /// The reading, or nil if the stream is truncated or malformed (the child died mid-write).
    public static func decode(_ bytes: [UInt8]) -> IsolatedReading? {
        var index = 0
        func field() -> String? {
            guard index + 4 <= bytes.count else { return nil }
            let length = Int(bytes[index]) | Int(bytes[index + 1]) << 8 | Int(bytes[index + 2]) << 16 | Int(bytes[index + 3]) << 24
            index += 4
            guard length >= 0, index + length <= bytes.count else { return nil }
            defer { index += length }
            return String(decoding: bytes[index..<(index + length)], as: UTF8.self)
        }
        var lines: [SourceLine] = []
        var notes: [Finding] = []
        while index < bytes.count {
            let tag = bytes[index]
            index += 1
            switch tag {
            case UInt8(ascii: "L"):
                guard let location = field(), let text = field() else { return nil }
                lines.append(SourceLine(text: text, location: location))
            case UInt8(ascii: "N"):
                guard let code = field(), let message = field(), let location = field(), let rule = RuleCode(rawValue: code) else { return nil }
                notes.append(Finding(rule, message, at: location.isEmpty ? nil : location))
            case UInt8(ascii: "R"):
                guard let code = field(), let message = field(), let rule = RuleCode(rawValue: code) else { return nil }
                return .refused(Finding(rule, message))
            case UInt8(ascii: "E"):
                return index == bytes.count ? .lines(lines, notes: notes) : nil
            default:
                return nil
            }
        }
        return nil
    }
}
