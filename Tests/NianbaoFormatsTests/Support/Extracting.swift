import NianbaoEngine
@testable import NianbaoFormats
import NianbaoTestSupport

/// Shared helpers: extraction with the iconv-backed decoder and line comparisons.
enum Extracting {
    static let extractor = DocumentExtractor(legacy: IconvLegacyDecoder())

    static func document(_ bytes: [UInt8], _ name: String) -> SourceDocument? {
        extractor.extract(bytes, fileName: name).document
    }

    /// Normalised line texts, as the engine sees them.
    static func texts(_ document: SourceDocument) -> [String] {
        TextNormalization.normalize(document).lines.map(\.text)
    }

    /// The expected lines that are missing from `actual` (order-preserving search).
    static func missing(_ expected: [String], in actual: [String]) -> [String] {
        let normalized = expected.map { ScalarNormalizer.normalize($0) }
        var position = 0
        var missing: [String] = []
        for line in normalized {
            if let found = actual[position...].firstIndex(of: line) {
                position = found + 1
            } else {
                missing.append(line)
            }
        }
        return missing
    }

    static let cleanText = "formats/clean-2021.txt"
    static let sampleText = "samples/001_53afeb125be3f4fc.txt"
}
