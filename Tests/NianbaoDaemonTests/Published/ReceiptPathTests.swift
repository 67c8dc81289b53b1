import Foundation
import Testing
import NianbaoDaemon
import NianbaoPlatform

/// Receipt paths mirror the drop tree and always fit in a file name.
struct ReceiptPathTests {
    @Test func mirrorsTheReportsPath() {
        let pair = ReceiptPath.relative(for: "a/b/报告.docx")
        #expect(pair?.text == "a/b/报告.docx.结果.txt")
        #expect(pair?.json == "a/b/报告.docx.结果.json")
        #expect(ReceiptPath.relative(for: "报告.pdf")?.text == "报告.pdf.结果.txt")
    }

    @Test func unsafePathsHaveNoReceipt() {
        for path in ["", "/etc/passwd", "a/../b.txt", "../b.txt", "a//b.txt", "a/./b.txt", "a/", "a/b\0.txt", "."] {
            #expect(ReceiptPath.relative(for: path) == nil, "\(path)")
        }
    }

    @Test func longNamesAreShortenedWithAStableHashAndFitOnDisk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("views-receipts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // 84 three-byte characters + ".docx" = 257 bytes before any suffix; two names sharing a long prefix.
        let stem = String(repeating: "报", count: 80)
        let first = stem + "甲甲甲甲.docx", second = stem + "乙乙乙乙.docx"
        let fitting = String(repeating: "报", count: 61) + ".docx"  // 188 bytes + ".结果.json" (12) = 200: kept
        let longer = String(repeating: "报", count: 61) + ".docx1"  // 189 + 12 = 201: shortened
        var names: Set<String> = []
        for name in [first, second, fitting, longer] {
            let pair = try #require(ReceiptPath.relative(for: "drop/" + name))
            for path in [pair.text, pair.json] {
                let file = String(path.split(separator: "/").last!)
                #expect(file.utf8.count <= LongFileName.maxBytes, "\(file.utf8.count) bytes")
                // Room for an atomic write's temporary suffix within NAME_MAX, on a real file system.
                let temporary = directory.appendingPathComponent(file + ".tmp-" + String(repeating: "x", count: 40))
                #expect(FileManager.default.createFile(atPath: temporary.path, contents: Data("x".utf8)), "\(file)")
                names.insert(file)
            }
            #expect(pair.text.dropLast(ReceiptPath.textSuffix.count) == pair.json.dropLast(ReceiptPath.jsonSuffix.count), "twins share a stem")
            #expect(ReceiptPath.relative(for: "drop/" + name) == pair, "stable")
        }
        #expect(names.count == 8, "different long names never share a receipt")
        #expect(ReceiptPath.relative(for: "drop/" + fitting)?.json == "drop/" + fitting + ".结果.json")
        #expect(ReceiptPath.relative(for: longer)?.json.utf8.count == 200)
        let shortened = try #require(ReceiptPath.relative(for: first)?.text)
        // 200 bytes less "~", 16 hex digits and ".结果.json" (12) leave 171 bytes: 57 whole three-byte characters.
        #expect(shortened.hasPrefix(String(repeating: "报", count: 57) + "~"))
        let hash = String(LongFileName.hash(first).prefix(16))
        #expect(shortened.hasSuffix("~" + hash + ".结果.txt"))
    }
}
