import Foundation
import Testing
import NianbaoDaemon
import NianbaoTestSupport

/// Twenty different legacy Word reports dropped at once into a running daemon (real
/// LibreOffice, the production conversion budget) all get the verdict of their text
/// twins: conversions wait their turn at the gate instead of running out of time or
/// memory together, and a converter crash is tried again before the document is blamed.
@Suite(.serialized, .timeLimit(.minutes(10)), .offPool)
struct LegacyBurstDaemonTests {
    static let folder = "office-burst"

    /// The twenty reports (Tests/Fixtures/office-burst, built by scripts/fixtures/make-burst-fixtures.py).
    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.directory + "/" + folder)) ?? []
        return files.filter { $0.hasSuffix(".doc") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// Verdict and codes, without the info codes only a text form can carry.
    static func outcome(_ record: VerdictRecord) -> String {
        let codes = Set(record.findings.map(\.code)).subtracting(["text.repaired", "table.extra_columns_ignored"])
        return "\(record.verdict.rawValue) \(codes.sorted().joined(separator: " "))"
    }

    @Test func twentyLegacyReportsAtOnceGetTheVerdictsOfTheirTextTwins() throws {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            #expect(LibreOfficeConverter.installed(limits: LibreOfficeConverter.defaultLimits) != nil, "CI installs libreoffice-writer-nogui")
        }
        guard LibreOfficeConverter.installed(limits: LibreOfficeConverter.defaultLimits) != nil else { return }
        let names = Self.names
        #expect(names.count == 20)
        // The twins are checked here, in the test process (no converter involved).
        let checker = ReportChecker()
        var expected: [String: String] = [:]
        for name in names {
            let twin = "\(Self.folder)/\(name).txt"
            expected[name + ".doc"] = Self.outcome(checker.check(bytes: try Fixtures.bytes(twin), path: twin))
        }
        #expect(Set(expected.values).count > 1, "the burst holds passing and failing reports")

        let ws = try Workspace()
        let daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        let clock = ContinuousClock()
        let start = clock.now
        for name in names {
            try ws.place(name + ".doc", try Fixtures.bytes("\(Self.folder)/\(name).doc"))
        }
        // A bound on a hang only: each conversion keeps its production budget of 12 s.
        #expect(daemon.waitForVerdicts(names.map { $0 + ".doc" }, timeout: 480))
        let elapsed = clock.now - start
        var got: [String: String] = [:]
        for case let record? in ws.journalRecords() {
            if let path = record.relativePath { got[path] = Self.outcome(record) }
        }
        for name in names {
            #expect(got[name + ".doc"] == expected[name + ".doc"], "\(name).doc")
        }
        print("LegacyBurstDaemonTests: 20 .doc judged in \(elapsed)")
        #expect(daemon.terminate() == 0)
    }
}
