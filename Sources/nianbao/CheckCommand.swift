import ArgumentParser
import NianbaoDaemon
import NianbaoEngine
import NianbaoPlatform
#if canImport(Glibc)
import Glibc
#endif

/// `nianbao check [--json] [--strict] PATH...`
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check report files or folders (recursively) and print a verdict for each.",
        discussion: """
        Exit status: 0 when no report fails, 1 when any fails (with --strict, when any warns), \
        2 on usage or I/O errors.
        """
    )

    @Flag(help: "Print one JSON object per report per line.")
    var json = false

    @Flag(help: "Exit 1 when any report warns, not only when one fails.")
    var strict = false

    @Option(name: .customLong("max-bytes"), help: "Refuse files larger than this many bytes.")
    var maxBytes = 50 << 20

    @Argument(help: "Report files or folders.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder") }
    }

    func run() async throws {
        // PDFs are read in a bounded child process here too: checking a hostile file by hand is as safe as dropping it.
        let checker = ReportChecker(pdfReader: ChildPDFReader())
        let formatter = HumanFormatter(colour: isatty(STDOUT_FILENO) == 1)
        var anyFail = false
        var anyWarn = false
        var ioError = false
        for target in CheckTargets.expand(paths) {
            let record: VerdictRecord
            switch target {
            case .missing(let path, let reason):
                FileHandleOutput.standardError("nianbao: \(path): \(reason)")
                ioError = true
                continue
            case .file(let path, let readPath, let root):
                switch SafeFileReader().read(path: readPath, within: root, maxBytes: maxBytes) {
                case .content(let bytes, _):
                    record = checker.check(bytes: bytes, path: path)
                case .refused(.tooLarge(let size, let limit)):
                    record = ReportChecker.refusal(path: path, code: .inputTooLarge, message: "文件过大：\(size) 字节，上限 \(limit) 字节")
                case .refused(let refusal):
                    FileHandleOutput.standardError("nianbao: \(path): \(refusal)")
                    ioError = true
                    continue
                }
            }
            anyFail = anyFail || record.verdict == .fail
            anyWarn = anyWarn || record.verdict == .warn
            if json {
                print((try? JSONLine.string(record)) ?? "{}")
            } else {
                print(formatter.block(record))
            }
        }
        if anyFail || (strict && anyWarn) { throw ExitCode(1) }
        if ioError { throw ExitCode(2) }
    }
}
