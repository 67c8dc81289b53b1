import ArgumentParser
import Foundation
import NianbaoDaemon
import NianbaoEngine
import NianbaoPlatform
#if canImport(Glibc)
import Glibc
#endif

/// `nianbao check [--json] [--strict] PATH...`
struct CheckCommand: ParsableCommand {
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
        if jobs < 0 { throw ValidationError("--jobs must be 0 (one per core) or more") }
    }

    @Option(help: "Reports judged at once (0 = one per core).")
    var jobs = 0

    @Option(help: "Review marks file (state.marksFile): findings settled there are shown 已核实 and do not count towards the verdict.")
    var marks: String?

    func run() throws {
        // A batch of thousands of reports: keep freed memory instead of returning it after each.
        BatchMemory.keepFreedMemory()
        // PDFs are read in a bounded child process here too: checking a hostile file by hand is as safe as dropping it.
        let checker = ReportChecker(pdfReader: ChildPDFReader())
        let formatter = HumanFormatter(colour: isatty(STDOUT_FILENO) == 1)
        let json = self.json, maxBytes = self.maxBytes
        let marks: ReviewMarks
        do { marks = try self.marks.map { try MarksFile(path: $0).read().marks } ?? ReviewMarks() } catch {
            FileHandleOutput.standardError("nianbao: \(self.marks ?? ""): \(error)")
            throw ExitCode(2)
        }
        // Each verdict as the bytes of its line(s), newline included, made on the worker thread.
        let format: @Sendable (VerdictRecord) -> [UInt8] = { record in
            var line = json ? JSONLine.bytes(record) : Array(formatter.block(record).utf8)
            line.append(0x0A)
            return line
        }
        var output = StandardOutputBuffer()
        var anyFail = false
        var anyWarn = false
        var ioError = false
        // Verdicts wait for the whole batch: a report may be compared with one named after it.
        var verdicts: [(verdict: Verdict, line: [UInt8], pairing: CrossYearBatch.Entry?)] = []
        let width = jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount
        OrderedParallel.forEach(CheckTargets.expand(paths), width: width, { target in
            CheckOutcome.judge(target, checker: checker, maxBytes: maxBytes, marks: marks, format: format)
        }, deliver: { outcome in
            switch outcome {
            case .error(let message):
                FileHandleOutput.standardError(message)
                ioError = true
            case .verdict(let verdict, let line, let pairing):
                verdicts.append((verdict, line, pairing))
            }
        })
        let updated = CrossYearBatch.compare(verdicts.map(\.pairing))
        for (index, entry) in verdicts.enumerated() {
            let (verdict, line) = updated[index].map { $0.settling(with: marks) }.map { ($0.verdict, format($0)) }
                ?? (entry.verdict, entry.line)
            anyFail = anyFail || verdict == .fail
            anyWarn = anyWarn || verdict == .warn
            output.append(line)
        }
        output.flush()
        if anyFail || (strict && anyWarn) { throw ExitCode(1) }
        if ioError { throw ExitCode(2) }
    }
}
