import Foundation
import NianbaoTestSupport
import Testing
@testable import NianbaoPlatform

/// Long names are shortened deterministically, fit on a real file system with the
/// writer's temporary suffix, and hash with the real SHA-256.
@Suite(.offPool) struct LongFileNameTests {
    @Test func shortNamesAreKeptAndLongOnesShortenedStably() {
        #expect(LongFileName.named("报告.txt", suffix: ".json") == "报告.txt.json")
        let long = String(repeating: "年", count: 83) + ".txt"  // 253 bytes
        let name = LongFileName.named(long, suffix: ".json")
        #expect(name.utf8.count <= LongFileName.maxBytes)
        #expect(name == LongFileName.named(long, suffix: ".json"), "deterministic")
        #expect(name != LongFileName.named(long + "x", suffix: ".json"), "distinct")
        #expect(name == String(repeating: "年", count: 59) + "~" + String(LongFileName.hash(long).prefix(16)) + ".json")
        // Exactly at the limit: kept; one byte over: shortened.
        let fitting = String(repeating: "a", count: 195)
        #expect(LongFileName.named(fitting, suffix: ".json") == fitting + ".json")
        #expect(LongFileName.named(fitting + "a", suffix: ".json").contains("~"))
    }

    @Test func shortenedNamesAreWrittenOnARealFileSystem() throws {
        let scratch = try ScratchTree()
        let writer = SafeTreeWriter(root: scratch.path)
        let names = [String(repeating: "a", count: 251) + ".txt", String(repeating: "洪泽", count: 41) + "2024.txt"]
        for name in names {
            let file = LongFileName.named(name, suffix: ".json")
            try writer.write(Array(name.utf8), to: [file])
            let batch = writer.batch(tagged: String.self)
            batch.add(Array(name.utf8), at: ["batch", file], tag: name)
            #expect(batch.commit().isEmpty)
            #expect(scratch.text(file) == name && scratch.text("batch/" + file) == name)
        }
        #expect(scratch.names().count == 3)
    }

    @Test func theHashIsTheRealSha256sumOfTheName() throws {
        #expect(LongFileName.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(LongFileName.hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let scratch = try ScratchTree()
        for name in ["报告.docx", String(repeating: "报", count: 80) + ".pdf", "a\u{0}b"] {
            try Data(name.utf8).write(to: URL(fileURLWithPath: scratch.path + "/name"))
            let sum = try Subprocess.run(["sha256sum", scratch.path + "/name"])
            #expect(LongFileName.hash(name) == String(sum.output.prefix(64)), "\(name)")
        }
        #expect(Hex.lowercase([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
    }
}

/// Every file name decodes to a string that encodes back to exactly its bytes,
/// including valid UTF-8 names holding U+10FF00 … U+10FFFF themselves.
@Suite(.offPool) struct FileNameCodingRoundTripTests {
    @Test(arguments: [
        Array("报告.txt".utf8),
        [0xBA, 0xE9] + Array(".txt".utf8),                          // GBK
        Array("a\u{10FF41}b.txt".utf8),                              // U+10FF41, valid UTF-8, not "aAb.txt"
        Array("\u{10FFFF}\u{10FF00}.txt".utf8),
        [0xF4, 0x8F, 0xBD, 0x81, 0xFF] + Array(".txt".utf8),         // the same scalar, then an invalid byte
    ])
    func namesRoundTrip(bytes: [UInt8]) {
        let name = FileNameCoding.decode(bytes)
        #expect(FileNameCoding.encode(name) == bytes)
        let viaC = FileNameCoding.withCString(name) { Array(String(cString: $0).utf8) }
        if String(validating: bytes, as: UTF8.self) != nil { #expect(viaC == bytes) }
    }

    @Test func aNameWithAnEscapeRangeScalarIsNotAnotherFilesName() {
        #expect(FileNameCoding.decode(Array("a\u{10FF41}b.txt".utf8)) != FileNameCoding.decode(Array("aAb.txt".utf8)))
        #expect(FileNameCoding.encode(FileNameCoding.decode(Array("a\u{10FF41}b.txt".utf8))) != Array("aAb.txt".utf8))
    }
}
