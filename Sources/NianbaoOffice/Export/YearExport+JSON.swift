import Foundation

extension YearExport {
    /// The export as pretty-printed JSON (UTF-8, slashes and Chinese unescaped), keys in a fixed order.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
