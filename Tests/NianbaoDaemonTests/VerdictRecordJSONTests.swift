import Foundation
import Testing
import NianbaoDaemon
import NianbaoEngine
import NianbaoOffice
import NianbaoTestSupport

/// `JSONLine.bytes(VerdictRecord)` (the direct writer) against Foundation's `JSONEncoder`
/// with the options `JSONLine` always used: same bytes, and the same value back through `JSONDecoder`.
@Suite("Daemon: verdict records written without JSONEncoder")
struct VerdictRecordJSONTests {
    static func encoderBytes(_ record: VerdictRecord) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return Array(try encoder.encode(record))
    }

    static func decoded(_ bytes: [UInt8]) throws -> VerdictRecord {
        try JSONDecoder().decode(VerdictRecord.self, from: Data(bytes))
    }

    /// Adds the journal fields, as the daemon does.
    static func journalled(_ record: VerdictRecord, event: VerdictRecord.Event) -> VerdictRecord {
        var record = record
        record.time = "2024-01-15T02:00:00.000Z"
        record.drop = "inbox"
        record.relativePath = "淮安/2023/" + (record.path.split(separator: "/").last.map(String.init) ?? "")
        record.event = event
        return record
    }

    @Test func everySampleReportIsWrittenAsJSONEncoderWritesIt() throws {
        let checker = ReportChecker(pdfReader: nil)
        let names = Fixtures.sampleNames.map { "samples/" + $0 }
            + ["formats/clean-2021.docx", "formats/clean-2021.html", "formats/clean-2021.pdf", "formats/encrypted.pdf"]
        #expect(names.count >= 12)
        for (index, name) in names.enumerated() {
            let checked = checker.check(bytes: try Fixtures.bytes(name), path: "drop/" + name)
            let events: [VerdictRecord.Event] = [.new, .changed, .removed]
            for record in [checked, Self.journalled(checked, event: events[index % 3])] {
                let written = JSONLine.bytes(record)
                #expect(written == (try Self.encoderBytes(record)), "\(name)")
                #expect(try Self.decoded(written) == record, "\(name)")
                #expect(try Self.decoded(written) == (try Self.decoded(try Self.encoderBytes(record))), "\(name)")
                #expect(JSONLine.string(record) == String(decoding: written, as: UTF8.self))
            }
            #expect(checked.tables != nil || name.hasSuffix("encrypted.pdf"), "\(name) has its tables")
        }
    }

    /// Every string field carrying every character JSON must escape, and some it must not.
    @Test func hostileStringsSurviveTheRoundTrip() throws {
        var controls = ""
        for value in 0 ..< 0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        let hostile = [
            controls, "\"", "\\", "\\\"", "a\"b\\c/d", "\u{7F}\u{85}\u{2028}\u{2029}\u{FEFF}", "表二\"（一）\"\\n",
            "😀👨‍👩‍👧 é", "", "}\",\"verdict\":\"pass", "line\r\nbreak\ttab\u{0}nul",
        ]
        for text in hostile {
            var record = VerdictRecord(
                path: "drop/" + text, sha256: text, format: text, encoding: text, template: text, agency: text,
                year: -7, published: text, verdict: .warn,
                findings: [.init(Finding(.table2Balance, text, at: text)), .init(Finding(.inputTooLarge, text))],
                tables: Self.hostileTables(text))
            record = Self.journalled(record, event: .changed)
            record.drop = text
            let written = JSONLine.bytes(record)
            #expect(written == (try Self.encoderBytes(record)), "\(text.debugDescription)")
            #expect(try Self.decoded(written) == record, "\(text.debugDescription)")
            #expect(!written.contains { $0 < 0x20 }, "no raw control byte in \(text.debugDescription)")
            #expect(!written.contains(0x0A), "one line")
            // Valid JSON to a second, independent parser too.
            #expect((try? JSONSerialization.jsonObject(with: Data(written))) != nil)
        }
    }

    @Test func nullsAndAbsentKeysMatchTheEncodableForm() throws {
        let refusal = ReportChecker.refusal(path: "drop/x.txt", code: .inputTooLarge, message: "文件过大")
        let text = String(decoding: JSONLine.bytes(refusal), as: UTF8.self)
        #expect(text.contains(#""agency":null"#) && text.contains(#""year":null"#) && text.contains(#""location":null"#))
        #expect(!text.contains("tables") && !text.contains("time") && !text.contains("relative_path"))
        #expect(JSONLine.bytes(refusal) == (try Self.encoderBytes(refusal)))
        var empty = refusal
        empty.findings = []
        empty.tables = TablesRecord()
        #expect(JSONLine.bytes(empty) == (try Self.encoderBytes(empty)))
        #expect(String(decoding: JSONLine.bytes(empty), as: UTF8.self).contains(
            #""tables":{"table1":null,"table2":null,"table3":null,"template":null}"#))
    }

    /// Tables with hostile labels, decimal amounts, extreme counts and blank cells.
    static func hostileTables(_ text: String) -> TablesRecord {
        let table1 = Table1Record(blocks: [
            .init(item: 8, columns: [text, "本年收费金额（单位：万元）"], rows: [
                .init(label: text, cells: [.decimal(0.1), .decimal(12.345), .decimal(1e-7), .decimal(2.5e21), nil]),
                .init(label: "规章", cells: [.integer(Int.max), .integer(Int.min), .integer(0), .integer(-1)]),
            ]),
            .init(item: 1, columns: [], rows: []),
        ])
        var table2 = Table2Record()
        table2.rows[.received] = [1, nil, 3, 4, 5, 6, 19]
        table2.rows[.carriedForward] = [0, 0, 0, 0, 0, 0, 0]
        table2.rows[.otherOther] = Array(repeating: nil, count: 7)
        return TablesRecord(template: .t2019, table1: table1, table2: table2,
                            table3: Table3Record(cells: [1, nil, Int.max, 0, -3]))
    }
}
