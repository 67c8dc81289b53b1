import NianbaoEngine
import NianbaoTestSupport

/// Reads fixture files under Tests/Fixtures, located from this source file.
enum FixtureFiles {
    /// The fixtures directory: Tests/Fixtures.
    static var root: String { Fixtures.directory }

    /// The raw bytes of `Tests/Fixtures/<path>` (empty if missing).
    static func bytes(_ path: String) -> [UInt8] {
        (try? Fixtures.bytes(path)) ?? []
    }

    /// A fixture decoded into a document (UTF-8/UTF-16 fixtures; no legacy decoder needed).
    static func document(_ path: String) -> SourceDocument {
        (try? TextDecoding.document(from: bytes(path), legacy: nil).get()) ?? SourceDocument(lines: [])
    }

    /// A fixture's text, decoded.
    static func text(_ path: String) -> String {
        document(path).lines.map(\.text).joined(separator: "\n")
    }

    /// Parses and validates a document.
    static func assess(_ document: SourceDocument) -> Assessment {
        ReportEngine().assess(document)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
import NianbaoTestSupport
#endif
