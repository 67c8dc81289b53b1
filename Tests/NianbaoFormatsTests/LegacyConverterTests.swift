import Foundation
import Glibc
import Testing
import NianbaoDaemon
import NianbaoEngine
import NianbaoFormats
import NianbaoPlatform
import NianbaoTestSupport

/// The legacy-document converter runs in a bounded child process: a converter that
/// hangs or crashes gives a fail verdict within its time limit, and the caller goes on.
@Suite("Formats: legacy converter bounds")
struct LegacyConverterTests {
    /// A stand-in converter executable: a shell script doing `body`.
    private func converter(_ body: String, timeout: Duration = .seconds(2)) throws -> LibreOfficeConverter {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-fake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = directory.appendingPathComponent("soffice")
        try "#!/bin/sh\n\(body)\n".write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        let limits = BoundedProcess.Limits(cpuSeconds: 10, addressSpaceBytes: 1 << 30, fileSizeBytes: 1 << 20, timeout: timeout)
        return LibreOfficeConverter(executable: script.path, limits: limits, temporaryDirectory: NSTemporaryDirectory())
    }

    private func check(_ converter: LibreOfficeConverter) throws -> (VerdictRecord, Duration) {
        let checker = ReportChecker(extractor: DocumentExtractor(legacy: nil, converter: converter))
        let bytes = try Fixtures.bytes("office/jiangbei-transport-2023.doc")
        let clock = ContinuousClock()
        let start = clock.now
        let record = checker.check(bytes: bytes, path: "hang.doc")
        return (record, clock.now - start)
    }

    @Test func hangingConverterIsKilledAtItsTimeout() throws {
        // The converter forks a child that would outlive it: the whole session is killed.
        let (record, elapsed) = try check(try converter("sleep 300 & sleep 300", timeout: .seconds(1)))
        #expect(record.verdict == .fail)
        #expect(record.findings.map(\.code) == ["input.timeout"])
        #expect(record.findings.first?.message.contains("转换超时") == true)
        #expect(elapsed < .seconds(4))
    }

    @Test func crashingConverterIsReportedWithItsSignal() throws {
        let (record, _) = try check(try converter("kill -SEGV $$"))
        #expect(record.findings.map(\.code) == ["input.parser_crashed"])
        #expect(record.findings.first?.message.contains("信号 11") == true)
    }

    @Test func converterThatWritesNothingFails() throws {
        let (record, _) = try check(try converter("exit 0"))
        #expect(record.findings.map(\.code) == ["input.parser_crashed"])
    }

    @Test func memoryLimitReachesTheConverter() throws {
        // prlimit applies the address-space limit before exec: the script sees it.
        let (record, _) = try check(try converter("[ \"$(ulimit -v)\" = 1048576 ] && exit 0; kill -SEGV $$"))
        #expect(record.findings.map(\.code) == ["input.parser_crashed"])
    }

    @Test func garbageOLEFileFailsCleanlyWithTheRealConverter() throws {
        guard let real = LibreOfficeConverter.installed(limits: LibreOfficeConverter.defaultLimits) else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "CI installs libreoffice-writer-nogui")
            return
        }
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0x41, count: 4096)
        let checker = ReportChecker(extractor: DocumentExtractor(legacy: nil, converter: real))
        let record = checker.check(bytes: ole, path: "junk.doc")
        #expect(record.verdict == .fail)
        #expect(record.format == "doc")
    }
}
