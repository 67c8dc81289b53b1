import Foundation
import NianbaoPlatform

/// Turns the export's CSV into an .xlsx workbook with LibreOffice Calc headless
/// (`libreoffice-calc-nogui`), run by `LibreOfficeRun` as `LibreOfficeConverter` runs
/// Writer: a bounded child process with a private work directory and a fresh profile
/// per attempt, a crash tried again, at most a few conversions at once.
///
/// The CSV is imported as UTF-8, comma-separated, with formulas not evaluated (a field
/// starting with "=" stays text: agency names come from report files) and special
/// numbers not detected (only plain numbers become numbers).
public struct SpreadsheetConverter: Sendable {
    /// Why a conversion produced no workbook.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// English, for the command line.
        public var description: String
    }

    /// How each conversion is run.
    public let run: LibreOfficeRun
    /// soffice.bin, as `LibreOfficeConverter.candidates`.
    public var executable: String { run.executable }
    /// The budget of one attempt.
    public var limits: BoundedProcess.Limits { run.limits }

    /// Default budget: 120 s wall clock (Calc's first start creates its profile), 60 CPU seconds, 2 GiB.
    public static let defaultLimits = BoundedProcess.Limits(
        cpuSeconds: 60, addressSpaceBytes: 2 << 30, fileSizeBytes: 64 << 20, timeout: .seconds(120))

    /// LibreOffice's CSV import options: separator 44 (,), text delimiter 34 ("), character
    /// set 76 (UTF-8), from line 1, default column formats, language 0, quoted fields as
    /// text false, detect special numbers false, then (tokens 9–12 unused on import)
    /// evaluate formulas false.
    static let csvImportFilter = "CSV:44,34,76,1,,0,false,false,,,,,false"

    /// A converter running `executable` within `limits`, working under `temporaryDirectory`,
    /// at most `gate.capacity` at once, a crashing conversion tried as `retry` says.
    public init(executable: String, limits: BoundedProcess.Limits = defaultLimits, temporaryDirectory: String,
                gate: FairGate = LibreOfficeRun.sharedGate, retry: LibreOfficeRun.Retry = .standard) {
        run = LibreOfficeRun(executable: executable, limits: limits, temporaryDirectory: temporaryDirectory, gate: gate, retry: retry)
    }

    /// The converter if LibreOffice (with Calc) and prlimit are installed, else nil.
    public static func installed(limits: BoundedProcess.Limits = defaultLimits) -> SpreadsheetConverter? {
        guard access(BoundedProcess.prlimitPath, X_OK) == 0,
              let executable = LibreOfficeConverter.candidates.first(where: { access($0, X_OK) == 0 }) else { return nil }
        let temp = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        return SpreadsheetConverter(executable: executable, limits: limits, temporaryDirectory: temp)
    }

    /// The workbook of `csv` (one sheet named `sheetName`), as .xlsx bytes.
    public func xlsx(csv: String, sheetName: String = "export") throws(Failure) -> [UInt8] {
        let input = "\(sheetName).csv"
        let result = run.run(Array(csv.utf8), inputName: input, outputName: "\(sheetName).xlsx") { work in
            ["--headless", "--norestore", "--nologo", "--nolockcheck", "--infilter=\(Self.csvImportFilter)",
             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", "\(work)/out", "\(work)/\(input)"]
        }
        switch result {
        case .converted(let workbook):
            return workbook
        case .noOutput(let log):
            throw Failure(description: "LibreOffice wrote no workbook (is libreoffice-calc-nogui installed?): \(log.suffix(400))")
        case .stopped(let outcome, let log):
            throw Failure(description: "LibreOffice did not convert the CSV (\(outcome)): \(log.suffix(400))")
        case .crashed(let outcome, let attempts, let log):
            throw Failure(description: "LibreOffice crashed on \(attempts) attempt(s), the last with \(outcome): \(log.suffix(400))")
        case .unprepared(let reason):
            throw Failure(description: reason)
        }
    }
}
