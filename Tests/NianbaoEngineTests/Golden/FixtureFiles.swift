import NianbaoEngine

/// Reads fixture files under Tests/Fixtures, located from this source file.
enum FixtureFiles {
    /// The fixtures directory: Tests/Fixtures.
    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3) // Golden/FixtureFiles.swift, NianbaoEngineTests
        return parts.joined(separator: "/") + "/Fixtures"
    }()

    /// The raw bytes of `Tests/Fixtures/<path>`.
    static func bytes(_ path: String) -> [UInt8] {
        guard let file = fopen(root + "/" + path, "rb") else { return [] }
        defer { fclose(file) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
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
#endif
