import Foundation
import NianbaoDaemon
import NianbaoTestSupport
import Testing

/// Issue 20, transient is not final, with the real daemon and LibreOffice: a .doc
/// converted while the daemon's temporary directory is gone fails for the host's
/// reason, recorded as retryable (`retry`), judged again with back-off and again at
/// a restart while it still fails, and gets its document's verdict once the
/// directory is back — never a final `input.unreadable`.
@Suite(.serialized, .timeLimit(.minutes(8)), .offPool)
struct TransientTempDirDaemonTests {
    static let name = "jiangnan-market-2024-05"

    static func outcome(_ record: VerdictRecord) -> String {
        let codes = Set(record.findings.map(\.code)).subtracting(["text.repaired", "table.extra_columns_ignored"])
        return "\(record.verdict.rawValue) \(codes.sorted().joined(separator: " "))"
    }

    @Test func aDocConvertedWhileTheTemporaryDirectoryIsGoneGetsItsVerdictOnceItIsBack() throws {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            #expect(LibreOfficeConverter.installed(limits: LibreOfficeConverter.defaultLimits) != nil, "CI installs libreoffice-writer-nogui")
        }
        guard LibreOfficeConverter.installed(limits: LibreOfficeConverter.defaultLimits) != nil else { return }
        let twin = "office-burst/\(Self.name).txt"
        let expected = Self.outcome(ReportChecker().check(bytes: try Fixtures.bytes(twin), path: twin))
        let ws = try Workspace()
        let temporary = ws.root + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let configuration = ws.root + "/nianbao.json"
        try #"{"drops": ["drop=\#(ws.drop)"], "watch": {"retrySeconds": 1}}"#.write(toFile: configuration, atomically: true, encoding: .utf8)
        func start() throws -> DaemonHarness {
            try DaemonHarness(ws, environment: ["TMPDIR": temporary], configuration: configuration)
        }
        func lines() -> [VerdictRecord] { ws.journalRecords().compactMap { $0 }.filter { $0.relativePath == "r.doc" } }

        var daemon = try start()
        #expect(daemon.waitUntilReady())
        // The temporary directory is gone (as root, chmod 000 would not stop the converter).
        try FileManager.default.removeItem(atPath: temporary)
        try ws.place("r.doc", try Fixtures.bytes("office-burst/\(Self.name).doc"))
        #expect(daemon.waitUntil(timeout: 120) { lines().count >= 2 }, "judged again after its back-off\n\(daemon.output.suffix(1500))")
        let failed = lines()
        #expect(failed.allSatisfy { $0.findings.first?.code == "input.unreadable" && $0.retry != nil }, "\(failed.map(\.retry))")
        #expect(failed.map { $0.retry ?? 0 } == Array(1...failed.count), "one more attempt each time")
        #expect(daemon.terminate() == 0)

        // Still failing at the restart: judged again there, still retryable.
        let before = lines().count
        daemon = try start()
        #expect(daemon.waitUntilReady())
        #expect(daemon.waitUntil(timeout: 60) { lines().count > before })
        let afterRestart = lines()
        #expect(afterRestart[before].retry == (afterRestart[before - 1].retry ?? 0) + 1, "\(afterRestart.map(\.retry))")

        // Back: the next attempt converts the document and judges it.
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        #expect(daemon.waitUntil(timeout: 180) { lines().last?.retry == nil }, "\(lines().map(\.retry))\n\(daemon.output.suffix(1500))")
        let judged = try #require(lines().last)
        #expect(Self.outcome(judged) == expected)
        #expect(lines().allSatisfy { $0.findings.first?.code != "input.unreadable" || $0.retry != nil }, "never a final input.unreadable")
        print("TransientTempDirDaemonTests: attempts \(lines().map { $0.retry.map { "retry \($0)" } ?? Self.outcome($0) })")
        #expect(ws.statusRecord("r.doc")?.retry == nil && ws.statusRecord("r.doc").map(Self.outcome) == expected)
        #expect(daemon.terminate() == 0)
    }
}
