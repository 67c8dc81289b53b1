import Foundation
import Testing
import NianbaoFormats
import NianbaoTestSupport

/// Every file of the fuzz corpus (seeds, and reproducers of crashes found by
/// scripts/fuzz.sh) runs through its target without crashing.
@Suite("Formats: fuzz corpus regression")
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    @Test(arguments: FuzzEntry.targets)
    func corpusRunsClean(_ target: String) throws {
        let directory = Self.corpus.appendingPathComponent(target)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(!files.isEmpty)
        for file in files {
            let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(file)))
            FuzzEntry.run(target, bytes)
        }
    }
}
