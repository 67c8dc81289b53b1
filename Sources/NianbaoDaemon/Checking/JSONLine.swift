import Foundation
import NianbaoOffice

/// Encodes values as single-line JSON (for JSON Lines files and `--json` output).
///
/// Verdict records, written once per report, go through `JSONWriter`; other values
/// through `JSONEncoder`. Both write sorted keys, unescaped slashes and UTF-8.
public enum JSONLine {
    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }

    /// The UTF-8 bytes of `value` as one line of JSON, without the newline.
    public static func bytes(_ value: some Encodable) throws -> [UInt8] {
        Array(try encoder().encode(value))
    }

    /// `value` as one line of JSON.
    public static func string(_ value: some Encodable) throws -> String {
        String(decoding: try bytes(value), as: UTF8.self)
    }

    /// The UTF-8 bytes of a verdict record as one line of JSON, without the newline.
    public static func bytes(_ record: VerdictRecord) -> [UInt8] {
        record.jsonBytes()
    }

    /// A verdict record as one line of JSON.
    public static func string(_ record: VerdictRecord) -> String {
        String(decoding: record.jsonBytes(), as: UTF8.self)
    }

    /// Pretty-printed JSON with sorted keys (status files, summary).
    public static func pretty(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .prettyPrinted, .sortedKeys]
        var bytes = Array(try encoder.encode(value))
        bytes.append(0x0A)
        return bytes
    }
}
