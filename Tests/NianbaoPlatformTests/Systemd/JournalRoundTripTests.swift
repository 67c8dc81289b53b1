import Foundation
import Glibc
import NianbaoPlatform
import Testing
import NianbaoTestSupport

/// One journal entry as `journalctl -o json` prints it: every field as a list
/// of raw values (binary values arrive as arrays of byte numbers).
struct JournalEntry {
    let fields: [String: [[UInt8]]]

    init(json: [String: Any]) {
        var fields: [String: [[UInt8]]] = [:]
        for (name, value) in json {
            fields[name] = Self.values(value)
        }
        self.fields = fields
    }

    private static func values(_ value: Any) -> [[UInt8]] {
        if let text = value as? String { return [Array(text.utf8)] }
        if let numbers = value as? [NSNumber] { return [numbers.map { $0.uint8Value }] }
        if let many = value as? [Any] { return many.flatMap(values) }
        return []
    }

    /// The only value of `name` as text, or nil if absent or repeated.
    subscript(name: String) -> String? {
        guard let values = fields[name], values.count == 1 else { return nil }
        return String(decoding: values[0], as: UTF8.self)
    }
}

private var canRunHarness: Bool {
    getuid() == 0 && isExecutable("/usr/bin/unshare") && isExecutable("/lib/systemd/systemd-journald")
}

extension Systemd {
    /// Sends entries through `JournalWriter` and `JournalLogHandler` (the
    /// `nianbao-journal-probe` executable) to a private systemd-journald started by
    /// `Tests/Harness/with-journald.sh`, and reads them back with journalctl.
    @Suite(.enabled(if: canRunHarness, "needs root, unshare(1) and /lib/systemd/systemd-journald"), .offPool)
    struct JournalRoundTripTests {
        @Test func entriesArriveIntactAndCannotForgeFields() throws {
            let probe = Repository.productsFolder.appendingPathComponent("nianbao-journal-probe").path
            try #require(isExecutable(probe), "build the nianbao-journal-probe product first (swift test builds it)")
            let harness = Repository.file("Tests/Harness/with-journald.sh").path
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-journal-\(getpid())")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: out) }
            let tag = "t\(UInt32.random(in: 0...UInt32.max))"

            let probeRun = try Subprocess.run([harness, out.path, probe, tag])
            try #require(probeRun.status == 0, "harness/probe failed (\(probeRun.status)): \(probeRun.stderr) \(probeRun.output)")

            let read = try Subprocess.run(["journalctl", "--directory=\(out.path)", "-o", "json", "--no-pager", "NIANBAO_PROBE=\(tag)"])
            try #require(read.status == 0, "journalctl failed: \(read.stderr)")
            let entries = try read.output.split(separator: "\n").map { line in
                JournalEntry(json: try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]))
            }
            #expect(entries.count == 4)

            // Writer: binary-safe values, sanitised key, no forged PRIORITY.
            let writer = try #require(entries.first { $0["MESSAGE"] == "probe writer" })
            let fileName: [UInt8] = Array("报告\n\"引号\"".utf8) + [0xFF, 0xFE, 0x00, 0x41] + Array(".docx".utf8)
            #expect(writer.fields["NIANBAO_FILE"] == [fileName])
            #expect(writer["NIANBAO_FORGE"] == "x\nPRIORITY=0")
            #expect(writer.fields["PRIORITY"] == [Array("4".utf8)])
            #expect(writer["MESSAGE_ID"] == MessageID.verdictWarn.rawValue)
            #expect(writer["BAD_NAME_1"] == "sanitised")
            #expect(writer["_TRANSPORT"] == "journal")

            // Log handler: priority mapping, code location, metadata fields.
            let error = try #require(entries.first { $0["MESSAGE"]?.hasPrefix("probe handler") == true })
            #expect(error["MESSAGE"] == "probe handler \"quoted\"\nsecond line")
            #expect(error.fields["PRIORITY"] == [Array("3".utf8)])
            #expect(error["MESSAGE_ID"] == MessageID.verdictFail.rawValue)
            #expect(error["SYSLOG_IDENTIFIER"] == "nianbao")
            #expect(error["CODE_FILE"]?.hasSuffix("main.swift") == true)
            #expect(error["CODE_LINE"].flatMap { Int($0) } != nil)
            #expect(error["CODE_FUNC"] != nil)
            #expect(error["NIANBAO_FILE"] == "a\nPRIORITY=0")
            #expect(error["NIANBAO_REQUEST_ID"] == "42")

            #expect(entries.first { $0["MESSAGE"] == "probe notice" }?["PRIORITY"] == "5")
            #expect(entries.first { $0["MESSAGE"] == "probe critical" }?["PRIORITY"] == "2")
            #expect(!entries.contains { $0["MESSAGE"]?.contains("trace") == true })
            #expect(!entries.contains { $0.fields["PRIORITY"]?.contains(Array("0".utf8)) == true })
        }
    }
}
