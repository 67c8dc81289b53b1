import Foundation
import Testing
@testable import NianbaoOffice

/// `JSONWriter` against `JSONEncoder` (sorted keys, slashes unescaped) where its fast
/// paths could go wrong: a character to escape at every offset of a long string (the
/// eight-bytes-at-a-time scan), and integers at every width and at the extremes.
@Suite("JSONWriter fast paths")
struct JSONWriterTests {
    private func encoded(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    @Test func everyEscapeAtEveryOffsetOfALongString() throws {
        let specials: [Unicode.Scalar] = ["\"", "\\", "\u{0}", "\u{1F}", "\n", "\t", "\u{7F}", "/", "é", "表"]
        for special in specials {
            for offset in 0 ..< 40 {
                var text = String(repeating: "a", count: offset)
                text.unicodeScalars.append(special)
                text += String(repeating: "二", count: 5) + "tail"
                var writer = JSONWriter()
                writer.string(text)
                #expect(writer.bytes == (try encoded(text)), "\(special.value) at \(offset)")
            }
        }
    }

    @Test func integersOfEveryWidth() throws {
        var values = [0, 9, 10, -1, -9, -10, Int.max, Int.min, Int.min + 1]
        var power = 1
        for _ in 0 ..< 18 {
            power *= 10
            values += [power - 1, power, power + 1, -power]
        }
        for value in values {
            var writer = JSONWriter()
            writer.integer(value)
            #expect(writer.bytes == (try encoded(value)), "\(value)")
        }
    }

    @Test func keyedIntegersMatchAnEncodedDictionary() throws {
        let names = ["a", "b\"", "c/d", "表二"]
        let values: [Int?] = [1, nil, -42, 1_000_000]
        var writer = JSONWriter()
        writer.object(JSONWriter.KeyList(names), values: values)
        let expected = Dictionary(uniqueKeysWithValues: zip(names, values))
        // Sorted keys: the names above are in UTF-8 byte order already.
        #expect(writer.bytes == (try encoded(expected)))
        // Values taken through `sources` and an offset; past the end is null.
        var moved = JSONWriter()
        moved.object(JSONWriter.KeyList(names, sources: [3, 0, 2, 9]), values: [0] + values, offset: 1)
        let shuffled: [String: Int?] = ["a": 1_000_000, "b\"": 1, "c/d": -42, "表二": nil]
        #expect(moved.bytes == (try encoded(shuffled)))
        var empty = JSONWriter()
        empty.object(JSONWriter.KeyList([]), values: [])
        #expect(empty.bytes == Array("{}".utf8))
    }
}
