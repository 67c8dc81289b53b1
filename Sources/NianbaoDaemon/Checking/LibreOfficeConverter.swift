import Foundation
import NianbaoEngine
import NianbaoFormats
import NianbaoPlatform

/// Converts .doc/.wps/.rtf/.odt to .docx with LibreOffice Writer headless, run by
/// `LibreOfficeRun`: a bounded child process with a private work directory and a
/// fresh profile per attempt, a crash tried again before the document is blamed, and
/// at most a few conversions at once.
public struct LibreOfficeConverter: DocumentConverter {
    /// Where Debian's libreoffice-writer-nogui installs LibreOffice. The program is run
    /// directly, not through the `soffice` script and its `oosplash` launcher, which
    /// refuses to start when /proc shows only processes (the unit's ProcSubset=pid).
    public static let candidates = ["/usr/lib/libreoffice/program/soffice.bin"]

    /// How each conversion is run.
    public let run: LibreOfficeRun
    public var executable: String { run.executable }
    public var limits: BoundedProcess.Limits { run.limits }

    /// A converter running `executable` (a LibreOffice launcher) within `limits`, with its
    /// work directories under `temporaryDirectory`, at most `gate.capacity` at once, a
    /// crashing conversion tried as `retry` says.
    public init(executable: String, limits: BoundedProcess.Limits, temporaryDirectory: String,
                gate: FairGate = LibreOfficeRun.sharedGate, retry: LibreOfficeRun.Retry = .standard) {
        run = LibreOfficeRun(executable: executable, limits: limits, temporaryDirectory: temporaryDirectory, gate: gate, retry: retry)
    }

    /// The converter if LibreOffice and prlimit are installed, else nil.
    public static func installed(limits: BoundedProcess.Limits, temporaryDirectory: String? = nil,
                                 gate: FairGate = LibreOfficeRun.sharedGate) -> LibreOfficeConverter? {
        guard access(BoundedProcess.prlimitPath, X_OK) == 0,
              let executable = candidates.first(where: { access($0, X_OK) == 0 }) else { return nil }
        let temp = temporaryDirectory ?? ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        return LibreOfficeConverter(executable: executable, limits: limits, temporaryDirectory: temp, gate: gate)
    }

    /// Default budget of one attempt: 12 s wall clock and CPU, 1 GiB address space.
    public static let defaultLimits = BoundedProcess.Limits(
        cpuSeconds: 12, addressSpaceBytes: 1 << 30, fileSizeBytes: 64 << 20, timeout: .seconds(12))

    public func convertToDocx(_ bytes: [UInt8], from format: DocumentFormat) -> ConversionOutcome {
        let input = "report.\(format.fileExtension)"
        let result = run.run(bytes, inputName: input, outputName: "report.docx") { work in
            ["--headless", "--norestore", "--nologo", "--nolockcheck",
             "--convert-to", "docx:MS Word 2007 XML", "--outdir", "\(work)/out", "\(work)/\(input)"]
        }
        let name = format.displayName
        switch result {
        case .converted(let docx):
            return .docx(docx)
        case .noOutput:
            return .refused(Finding(.parserCrashed, "\(name)转换失败（转换程序未生成文档）；文件可能已损坏，请改交 .docx 或 PDF"))
        case .stopped(let outcome, _), .crashed(let outcome, 1, _):
            return .refused(ChildOutcomeFinding.finding(outcome, format: format, action: "转换", limits: limits)
                ?? Finding(.parserCrashed, "\(name)转换程序异常退出（状态 \(Self.status(outcome))）；文件可能已损坏，请改交 .docx 或 PDF"))
        case .crashed(let outcome, let attempts, _):
            let memory = ChildOutcomeFinding.mayBeMemory(outcome) ? "，可能超过内存上限 \(limits.addressSpaceBytes >> 20) MB" : ""
            return .refused(Finding(.parserCrashed,
                "\(name)转换程序连续 \(attempts) 次崩溃（最后一次：\(Self.status(outcome))\(memory)）；文件可能已损坏，请改交 .docx 或 PDF"))
        case .unprepared(let reason):
            return .refused(Finding(.inputUnreadable, "\(name)转换失败：无法准备临时目录（\(reason)）"))
        }
    }

    /// How a crashed attempt ended, in Chinese.
    static func status(_ outcome: BoundedProcess.Outcome) -> String {
        switch outcome {
        case .signaled(let signal): return "信号 \(signal)"
        case .exited(let status): return "退出状态 \(status)"
        case .spawnFailed(let error): return "无法启动，errno \(error)"
        case .timedOut: return "超时"
        case .cancelled: return "中断"
        }
    }
}
