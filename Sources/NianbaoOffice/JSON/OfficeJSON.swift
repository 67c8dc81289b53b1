import Foundation

/// JSON output of the office's records: keys sorted (Foundation's encoder on Linux
/// otherwise writes them in hash order, which changes from run to run), slashes and
/// Chinese unescaped, so the same value always gives the same bytes.
public enum OfficeJSON {
    /// An encoder with sorted keys and unescaped slashes; pretty-printed if asked.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The value as JSON text.
    public static func text(_ value: some Encodable, pretty: Bool = true) throws -> String {
        String(decoding: try encoder(pretty: pretty).encode(value), as: UTF8.self)
    }
}

extension YearExport {
    /// The export as pretty-printed JSON with sorted keys (`OfficeJSON`).
    public func json() throws -> String { try OfficeJSON.text(self) }
}

extension YearStatus {
    /// The status as pretty-printed JSON with sorted keys (`OfficeJSON`).
    public func json() throws -> String { try OfficeJSON.text(self) }
}
