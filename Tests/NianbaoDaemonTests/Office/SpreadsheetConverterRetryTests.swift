import Foundation
import Glibc
import Testing
import NianbaoDaemon
import NianbaoPlatform
import NianbaoTestSupport

/// The Calc conversion behind `export --format xlsx` is run as the Writer one: a crash
/// is tried again in a fresh process before the export fails.
@Suite("Office: the workbook conversion retries a crash")
struct SpreadsheetConverterRetryTests {
    static let limits = BoundedProcess.Limits(cpuSeconds: 10, addressSpaceBytes: 1 << 30, fileSizeBytes: 1 << 20, timeout: .seconds(20))

    private func converter(_ fake: FakeOffice) -> SpreadsheetConverter {
        SpreadsheetConverter(executable: fake.executable, limits: Self.limits, temporaryDirectory: NSTemporaryDirectory(),
                             gate: FairGate(capacity: 1), retry: .init(attempts: 3, firstBackOff: .milliseconds(1)))
    }

    @Test func aCrashOnTheFirstStartStillGivesTheWorkbook() throws {
        // The stand-in "converts" by copying the CSV it was given to out/export.xlsx.
        let fake = try FakeOffice("[ $n -ge 2 ] || kill -SEGV $$\ncp \"$src\" \"$out/export.xlsx\"")
        let workbook = try converter(fake).xlsx(csv: "机关,年度\n江北市民政局,2024\n")
        #expect(fake.starts == 2)
        #expect(String(decoding: workbook, as: UTF8.self) == "机关,年度\n江北市民政局,2024\n")
    }

    @Test func aConverterThatAlwaysCrashesFailsNamingTheAttempts() throws {
        let fake = try FakeOffice("kill -SEGV $$")
        #expect {
            _ = try converter(fake).xlsx(csv: "a,b\n")
        } throws: { error in
            "\(error)".contains("crashed on 3 attempt(s)") && "\(error)".contains("signaled(11)")
        }
        #expect(fake.starts == 3)
    }
}
