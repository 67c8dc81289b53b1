import Foundation
import NianbaoPlatform

/// Turns the export's CSV into an .xlsx workbook with LibreOffice Calc headless
/// (`libreoffice-calc-nogui`), as `LibreOfficeConverter` runs Writer: a child process in
/// its own session under `prlimit` and a wall-clock timeout, in a private temporary
/// directory with a fresh profile, removed afterwards.
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

    /// soffice.bin, as `LibreOfficeConverter.candidates`.
    public let executable: String
    /// The budget of one conversion.
    public let limits: BoundedProcess.Limits
    /// Where the work directory is made.
    public let temporaryDirectory: String

    /// Default budget: 120 s wall clock (Calc's first start creates its profile), 60 CPU seconds, 2 GiB.
    public static let defaultLimits = BoundedProcess.Limits(
        cpuSeconds: 60, addressSpaceBytes: 2 << 30, fileSizeBytes: 64 << 20, timeout: .seconds(120))

    /// LibreOffice's CSV import options: separator 44 (,), text delimiter 34 ("), character
    /// set 76 (UTF-8), from line 1, default column formats, language 0, quoted fields as
    /// text false, detect special numbers false, then (tokens 9–12 unused on import)
    /// evaluate formulas false.
    static let csvImportFilter = "CSV:44,34,76,1,,0,false,false,,,,,false"

    /// A converter running `executable` within `limits`, working under `temporaryDirectory`.
    public init(executable: String, limits: BoundedProcess.Limits = defaultLimits, temporaryDirectory: String) {
        self.executable = executable
        self.limits = limits
        self.temporaryDirectory = temporaryDirectory
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
        var template = Array("\(temporaryDirectory)/nianbao-xlsx-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure(description: "cannot create a temporary directory (errno \(errno))") }
        let work = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let input = "\(work)/\(sheetName).csv"
        guard FileManager.default.createFile(atPath: input, contents: Data(csv.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Failure(description: "cannot write \(input)")
        }
        let arguments = ["-env:UserInstallation=file://\(work)/profile", "--headless", "--norestore", "--nologo", "--nolockcheck",
                         "--infilter=\(Self.csvImportFilter)", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", "\(work)/out", input]
        let environment = ["HOME=\(work)", "TMPDIR=\(work)", "PATH=/usr/bin:/bin", "LANG=C.UTF-8", "SAL_USE_VCLPLUGIN=svp"]
        let clock = ContinuousClock()
        let deadline = clock.now + limits.timeout
        let log = "\(work)/converter.log"
        var outcome = BoundedProcess(limits: limits).run(executable, arguments, environment: environment, logPath: log)
        if outcome == .exited(LibreOfficeConverter.restartRequested), clock.now < deadline {
            // First start with a fresh profile: run again within what is left of the budget.
            var rest = limits
            rest.timeout = deadline - clock.now
            outcome = BoundedProcess(limits: rest).run(executable, arguments, environment: environment, logPath: log)
        }
        guard outcome == .exited(0) else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw Failure(description: "LibreOffice did not convert the CSV (\(outcome)): \(output.suffix(400))")
        }
        guard let data = FileManager.default.contents(atPath: "\(work)/out/\(sheetName).xlsx"), !data.isEmpty else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw Failure(description: "LibreOffice wrote no workbook (is libreoffice-calc-nogui installed?): \(output.suffix(400))")
        }
        return [UInt8](data)
    }
}
