import Foundation
import NianbaoEngine
import NianbaoOffice
import NianbaoTestSupport

/// The real sample reports and the roster fixture under Tests/Fixtures, read
/// through the shared `Fixtures` loader.
enum OfficeFixtures {
    static func text(_ relativePath: String) throws -> String {
        try Fixtures.text(relativePath)
    }

    /// A sample decoded and normalised as the daemon does for a .txt file.
    static func document(_ name: String) throws -> SourceDocument {
        try TextDecoding.document(from: try Fixtures.bytes("samples/\(name)"), legacy: nil).get()
    }

    /// A sample's assessment (report, findings, verdict).
    static func assessment(_ name: String) throws -> Assessment {
        ReportEngine().assess(try document(name))
    }

    static func report(_ name: String) throws -> Report {
        ReportEngine().parse(try document(name))
    }

    /// The 40-agency roster of a prefecture-level city (淮安), saved by Excel: BOM, CRLF, quoted aliases.
    static func cityRoster() throws -> Roster {
        try RosterParser.parse(try text("roster/huaian-city.csv"))
    }

    static let sampleNames = [
        "000_fb640ca0b162b3d7.txt", "001_53afeb125be3f4fc.txt", "002_c2173b29a2f695bc.txt", "003_458875e39d02c745.txt",
        "huaian_hongze_2023.txt", "huaian_hongze_2024.txt", "shanghai_shizhengfu_bangongting_2019.txt", "pingtan_2021.txt",
    ]
}
