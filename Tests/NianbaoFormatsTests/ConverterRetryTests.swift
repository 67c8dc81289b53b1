import Foundation
import Glibc
import Testing
import NianbaoDaemon
import NianbaoEngine
import NianbaoFormats
import NianbaoPlatform
import NianbaoTestSupport
import Synchronization

/// A converter crash is not the document's fault until it happens on every attempt:
/// a crashed conversion is tried again in a fresh process with a fresh profile.
@Suite("Formats: converter crashes are retried")
struct ConverterRetryTests {
    static let limits = BoundedProcess.Limits(cpuSeconds: 10, addressSpaceBytes: 1 << 30, fileSizeBytes: 1 << 20, timeout: .seconds(20))
    static let quickRetry = LibreOfficeRun.Retry(attempts: 3, firstBackOff: .milliseconds(1))
    /// What the fake converter "converts" every document to.
    static let docx = Fixtures.root.path + "/office/jiangbei-transport-2023.docx"

    private func converter(_ fake: FakeOffice, retry: LibreOfficeRun.Retry = quickRetry,
                           gate: FairGate = FairGate(capacity: 2)) -> LibreOfficeConverter {
        LibreOfficeConverter(executable: fake.executable, limits: Self.limits, temporaryDirectory: NSTemporaryDirectory(),
                             gate: gate, retry: retry)
    }

    private func check(_ converter: LibreOfficeConverter) throws -> VerdictRecord {
        let checker = ReportChecker(extractor: DocumentExtractor(legacy: nil, converter: converter))
        return checker.check(bytes: try Fixtures.bytes("office/jiangbei-transport-2023.doc"), path: "report.doc")
    }

    /// The verdict of the document the fake converter produces, checked directly.
    private func realVerdict() throws -> VerdictRecord {
        ReportChecker(extractor: DocumentExtractor(legacy: nil)).check(bytes: try Fixtures.bytes("office/jiangbei-transport-2023.docx"), path: "report.docx")
    }

    @Test func aConverterThatCrashesOnceGivesTheRealVerdict() throws {
        let fake = try FakeOffice("[ $n -ge 2 ] || kill -SEGV $$\ncp '\(Self.docx)' \"$out/report.docx\"")
        let record = try check(converter(fake))
        let real = try realVerdict()
        #expect(fake.starts == 2)
        #expect(record.format == "doc")
        #expect(record.verdict == real.verdict)
        #expect(record.findings.map(\.code) == real.findings.map(\.code))
        #expect(real.verdict == .pass)
    }

    @Test func aConverterThatExitsAbnormallyOnceGivesTheRealVerdict() throws {
        let fake = try FakeOffice("[ $n -ge 2 ] || exit 1\ncp '\(Self.docx)' \"$out/report.docx\"")
        #expect(try check(converter(fake)).verdict == .pass)
        #expect(fake.starts == 2)
    }

    @Test func aConverterThatAlwaysCrashesFailsNamingTheAttempts() throws {
        // The standard policy: three attempts, with its real back-off.
        let fake = try FakeOffice("kill -SEGV $$")
        let record = try check(converter(fake, retry: .standard))
        #expect(fake.starts == 3)
        #expect(record.verdict == .fail)
        #expect(record.findings.map(\.code) == ["input.parser_crashed"])
        let message = record.findings.first?.message ?? ""
        #expect(message.contains("连续 3 次崩溃"), "\(message)")
        #expect(message.contains("信号 11"), "\(message)")
    }

    @Test func theNumberOfAttemptsIsThePolicys() throws {
        let fake = try FakeOffice("kill -ABRT $$")
        let record = try check(converter(fake, retry: .init(attempts: 5, firstBackOff: .milliseconds(1))))
        #expect(fake.starts == 5)
        #expect(record.findings.first?.message.contains("连续 5 次崩溃") == true)
    }

    @Test func aFreshProfileRestartIsNotACrash() throws {
        // soffice.bin exits 81 after making a fresh profile and is started again at once.
        let fake = try FakeOffice("[ $n -ge 2 ] || exit 81\ncp '\(Self.docx)' \"$out/report.docx\"")
        #expect(try check(converter(fake, retry: .init(attempts: 1, firstBackOff: .zero))).verdict == .pass)
        #expect(fake.starts == 2)
    }

    @Test func everyAttemptHasAFreshProfileAndWorkDirectory() throws {
        // The script records the profile folder of each start; the second must differ and not exist yet.
        let fake = try FakeOffice("""
            profile=${1#-env:UserInstallation=file://}
            [ -e "$profile" ] && echo reused >> "$(dirname "$0")/profiles"
            mkdir -p "$profile"; echo "$profile" >> "$(dirname "$0")/profiles"
            [ $n -ge 2 ] || kill -SEGV $$
            cp '\(Self.docx)' "$out/report.docx"
            """)
        #expect(try check(converter(fake)).verdict == .pass)
        let profiles = try String(contentsOfFile: fake.directory + "/profiles", encoding: .utf8).split(separator: "\n")
        #expect(profiles.count == 2)
        #expect(Set(profiles).count == 2)
        #expect(!profiles.contains("reused"))
    }

    @Test func libreOfficeCatchingItsCPULimitIsATimeoutNotACrash() throws {
        // soffice.bin handles SIGXCPU itself: it prints this and aborts (SIGABRT).
        let fake = try FakeOffice("echo 'Fatal exception: Signal \(SIGXCPU)'\nkill -ABRT $$")
        let record = try check(converter(fake))
        #expect(fake.starts == 1)
        #expect(record.findings.map(\.code) == ["input.timeout"])
        #expect(record.findings.first?.message.contains("CPU 时间上限") == true)
    }

    @Test func aTimeoutIsNotTriedAgain() throws {
        let fake = try FakeOffice("sleep 300")
        let limits = BoundedProcess.Limits(cpuSeconds: 10, addressSpaceBytes: 1 << 30, fileSizeBytes: 1 << 20, timeout: .seconds(1))
        let converter = LibreOfficeConverter(executable: fake.executable, limits: limits, temporaryDirectory: NSTemporaryDirectory(),
                                             gate: FairGate(capacity: 1), retry: Self.quickRetry)
        let record = try check(converter)
        #expect(fake.starts == 1)
        #expect(record.findings.map(\.code) == ["input.timeout"])
    }

    @Test func conversionsWaitTheirTurnAtTheGate() throws {
        // Each start takes the folder `busy` while it runs; a start that finds it taken
        // leaves a mark. With one place, six conversions on six threads never overlap.
        let fake = try FakeOffice("""
            mkdir "$(dirname "$0")/busy" 2>/dev/null || touch "$(dirname "$0")/overlapped"
            cp '\(Self.docx)' "$out/report.docx"
            rmdir "$(dirname "$0")/busy"
            """)
        let converter = converter(fake, gate: FairGate(capacity: 1))
        let bytes = try Fixtures.bytes("office/jiangbei-transport-2023.doc")
        let converted = Mutex(0)
        let finished = DispatchGroup()
        for _ in 0..<6 {
            finished.enter()
            Thread.detachNewThread {
                if case .docx = converter.convertToDocx(bytes, from: .doc) { converted.withLock { $0 += 1 } }
                finished.leave()
            }
        }
        finished.wait()
        #expect(converted.withLock { $0 } == 6)
        #expect(fake.starts == 6)
        #expect(!FileManager.default.fileExists(atPath: fake.directory + "/overlapped"))
    }
}
