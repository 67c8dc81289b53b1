import Foundation
import NianbaoEngine
import NianbaoTestSupport

/// Loads the sample reports under Tests/Fixtures for the parser tests.
enum ParserFixtures {
    static func bytes(_ relativePath: String) throws -> [UInt8] {
        try Fixtures.bytes(relativePath)
    }

    static func sampleBytes(_ name: String) throws -> [UInt8] {
        try bytes("samples/\(name)")
    }

    /// A sample decoded and normalised as the daemon would for a .txt file.
    static func document(_ name: String) throws -> SourceDocument {
        let bytes = try sampleBytes(name)
        return try TextDecoding.document(from: bytes, legacy: nil).get()
    }

    static func report(_ name: String) throws -> Report {
        ReportEngine().parse(try document(name))
    }

    static let sampleNames = [
        "000_fb640ca0b162b3d7.txt", "001_53afeb125be3f4fc.txt", "002_c2173b29a2f695bc.txt", "003_458875e39d02c745.txt",
        "huaian_hongze_2023.txt", "huaian_hongze_2024.txt", "shanghai_shizhengfu_bangongting_2019.txt", "pingtan_2021.txt",
    ]
}
