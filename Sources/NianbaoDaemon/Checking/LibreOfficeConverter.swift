import Foundation
import NianbaoEngine
import NianbaoFormats
import NianbaoPlatform

/// Converts .doc/.wps/.rtf/.odt to .docx with LibreOffice headless, in a child
/// process of its own session, under `prlimit` (CPU, address space, file size)
/// and a wall-clock timeout. Each conversion gets a private temporary directory
/// and a fresh LibreOffice profile, removed afterwards, so concurrent workers
/// never share an instance.
public struct LibreOfficeConverter: DocumentConverter {
    /// Where Debian's libreoffice-writer-nogui installs LibreOffice. The program is run
    /// directly, not through the `soffice` script and its `oosplash` launcher, which
    /// refuses to start when /proc shows only processes (the unit's ProcSubset=pid).
    public static let candidates = ["/usr/lib/libreoffice/program/soffice.bin"]

    /// soffice.bin's exit status after it created a fresh profile and wants to be started again.
    static let restartRequested: Int32 = 81

    public let executable: String
    public let limits: BoundedProcess.Limits
    public let temporaryDirectory: String

    /// A converter running `executable` (a LibreOffice launcher) within `limits`,
    /// with its work directories under `temporaryDirectory`.
    public init(executable: String, limits: BoundedProcess.Limits, temporaryDirectory: String) {
        self.executable = executable
        self.limits = limits
        self.temporaryDirectory = temporaryDirectory
    }

    /// The converter if LibreOffice and prlimit are installed, else nil.
    public static func installed(limits: BoundedProcess.Limits, temporaryDirectory: String? = nil) -> LibreOfficeConverter? {
        guard access(BoundedProcess.prlimitPath, X_OK) == 0,
              let executable = candidates.first(where: { access($0, X_OK) == 0 }) else { return nil }
        let temp = temporaryDirectory ?? ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        return LibreOfficeConverter(executable: executable, limits: limits, temporaryDirectory: temp)
    }

    /// Default budget: 12 s wall clock (under the watchdog's 15 s), 1 GiB address space.
    public static let defaultLimits = BoundedProcess.Limits(
        cpuSeconds: 12, addressSpaceBytes: 1 << 30, fileSizeBytes: 64 << 20, timeout: .seconds(12))

    public func convertToDocx(_ bytes: [UInt8], from format: DocumentFormat) -> ConversionOutcome {
        var template = Array("\(temporaryDirectory)/nianbao-convert-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            return .refused(Finding(.inputUnreadable, "\(format.displayName)转换失败：无法创建临时目录（errno \(errno)）"))
        }
        let work = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let input = "\(work)/report.\(format.fileExtension)"
        guard FileManager.default.createFile(atPath: input, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            return .refused(Finding(.inputUnreadable, "\(format.displayName)转换失败：无法写入临时文件"))
        }
        let arguments = ["-env:UserInstallation=file://\(work)/profile", "--headless", "--norestore", "--nologo",
                         "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", "\(work)/out", input]
        let environment = ["HOME=\(work)", "TMPDIR=\(work)", "PATH=/usr/bin:/bin", "LANG=C.UTF-8", "SAL_USE_VCLPLUGIN=svp"]
        let clock = ContinuousClock()
        let deadline = clock.now + limits.timeout
        var outcome = BoundedProcess(limits: limits).run(executable, arguments, environment: environment, logPath: "\(work)/converter.log")
        if outcome == .exited(Self.restartRequested), clock.now < deadline {
            // First start with a fresh profile: run again within what is left of the budget.
            var rest = limits
            rest.timeout = deadline - clock.now
            outcome = BoundedProcess(limits: rest).run(executable, arguments, environment: environment, logPath: "\(work)/converter.log")
        }
        if let finding = ChildOutcomeFinding.finding(outcome, format: format, action: "转换", limits: limits) {
            return .refused(finding)
        }
        guard let data = FileManager.default.contents(atPath: "\(work)/out/report.docx"), !data.isEmpty else {
            return .refused(Finding(.parserCrashed, "\(format.displayName)转换失败（转换程序未生成文档）；文件可能已损坏，请改交 .docx 或 PDF"))
        }
        return .docx([UInt8](data))
    }
}
