import Foundation
import Testing
@testable import NianbaoDaemon
import NianbaoEngine
import NianbaoOffice
import NianbaoTestSupport

/// Status files are made from the verdict's journal line (`PrettyJSON`), not by
/// encoding the record again: the bytes must be exactly what `JSONLine.pretty(record)`
/// (`JSONEncoder`, pretty-printed, sorted keys) writes.
@Suite("Daemon: status files from journal lines")
struct StatusLineTests {
    static func records() throws -> [VerdictRecord] {
        let checker = ReportChecker(pdfReader: nil)
        let names = Fixtures.sampleNames.map { "samples/" + $0 } + ["formats/clean-2021.docx", "formats/encrypted.pdf"]
        var records: [VerdictRecord] = []
        for (index, name) in names.enumerated() {
            let checked = checker.check(bytes: try Fixtures.bytes(name), path: "drop/" + name)
            records += [checked, VerdictRecordJSONTests.journalled(checked, event: index % 2 == 0 ? .new : .changed)]
        }
        var empty = ReportChecker.refusal(path: "drop/x.txt", code: .inputTooLarge, message: "文件过大")
        empty.findings = []
        empty.tables = TablesRecord()
        records.append(empty)
        for text in ["", "\"", "\\", "a\"b\\c/d", "}\",\"verdict\":\"pass", "[{:,}]", "line\r\nbreak\ttab\u{0}nul\u{1F}", "😀 é 表二"] {
            var record = VerdictRecord(
                path: "drop/" + text, sha256: text, format: text, encoding: text, template: text, agency: text,
                year: -7, published: text, verdict: .warn,
                findings: [.init(Finding(.table2Balance, text, at: text))], tables: VerdictRecordJSONTests.hostileTables(text))
            record = VerdictRecordJSONTests.journalled(record, event: .changed)
            records.append(record)
        }
        return records
    }

    @Test func aJournalLinePrettyPrintedIsTheRecordsPrettyJSON() throws {
        let records = try Self.records()
        #expect(records.count >= 20)
        #expect(records.contains { $0.tables?.table2 != nil }, "tables included")
        for record in records {
            let pretty = PrettyJSON.format(JSONLine.bytes(record))
            #expect(pretty == (try JSONLine.pretty(record)), "\(record.path.debugDescription)")
        }
    }

    @Test func nestedAndEmptyContainersIndentAsJSONEncoderDoes() throws {
        struct Value: Encodable {
            var a: [Int] = []
            var b: [String: Int] = [:]
            var c: [[Int]] = [[], [1, -2]]
            var d: [String: [String]] = ["k": [], "l": ["x : y", "{,}"]]
            var e = 1.5
            var f = true
        }
        let compact = try JSONLine.bytes(Value())
        #expect(PrettyJSON.format(compact) == (try JSONLine.pretty(Value())))
    }

    @Test func aBatchWritesTheStatusFileFromTheLine() throws {
        let root = NSTemporaryDirectory() + "status-line-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = StatusDirectory(root: root)
        let records = try Self.records().prefix(4)
        var changes: [ReportKey: StatusBatch.Change] = [:]
        var keyed: [ReportKey: VerdictRecord] = [:]
        for (index, record) in records.enumerated() {
            let key = ReportKey(drop: "drop", relativePath: "d\(index % 2)/r\(index).txt")
            changes[key] = .write(line: JSONLine.bytes(record))
            keyed[key] = record
        }
        let failures = StatusBatch.write(changes, summary: nil, to: directory)
        #expect(failures.isEmpty)
        for (key, record) in keyed {
            let path = try #require(directory.statusPath(for: key))
            let written = try #require(FileManager.default.contents(atPath: path))
            #expect(Array(written) == (try JSONLine.pretty(record)))
            #expect(directory.read(key) == record)
        }
    }
}
