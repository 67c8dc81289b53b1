import ArgumentParser
import Foundation
import NianbaoDaemon
import NianbaoEngine
import NianbaoOffice
import NianbaoPlatform
#if canImport(Glibc)
import Glibc
#endif

/// `nianbao review FILE CODE [--cell TEXT] --reason TEXT`: the office settles a finding
/// after review; `--remove` takes the mark back; `--list` prints the marks in force.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Mark a finding of a report as reviewed and accepted (已核实), take a mark back, or list the marks.",
        discussion: """
        The finding is looked up in the report's status file (the daemon's verdict, cross-year \
        findings included) or, when the daemon has not judged this content, by checking FILE. \
        A settled finding is still shown, marked 已核实 with the reason, but no longer counts \
        towards the verdict. The mark names the agency, the year, the code and a fingerprint of \
        the finding's message: it survives re-runs, restarts and moved files, not a change of \
        the cell's value or of the quoted text. Marks are appended to the marks file \
        (state.marksFile); the daemon judges the report again when it changes. \
        Exit status: 0 done, 2 on usage or I/O errors or when no single finding matches.
        """
    )

    @Argument(help: "The report file.")
    var file: String?

    @Argument(help: "The finding's code, e.g. table2.row_sum.")
    var code: String?

    @Option(help: "Text of the finding's message or location that picks one of several findings with that code (e.g. a cell name).")
    var cell: String?

    @Option(help: "Why the finding is accepted (required to settle).")
    var reason: String?

    @Flag(help: "Take the mark back: the finding counts again.")
    var remove = false

    @Flag(help: "List the marks in force.")
    var list = false

    @Flag(help: "With --list: one JSON object per mark per line.")
    var json = false

    @Option(help: "JSON configuration file (its state.statusDirectory, state.journalFile and state.marksFile are used).")
    var config: String?

    @Option(name: .customLong("status-dir"), help: "Status directory (overrides the file).")
    var statusDir: String?

    @Option(name: .customLong("marks-file"), help: "Marks file (overrides state.marksFile; default marks.jsonl beside the journal).")
    var marksFile: String?

    func validate() throws {
        if list {
            if file != nil || code != nil || remove || reason != nil { throw ValidationError("--list takes no file, code, --remove or --reason") }
            return
        }
        guard file != nil, code != nil else { throw ValidationError("give the report FILE and the finding's CODE") }
        if remove && reason != nil { throw ValidationError("--remove takes no --reason") }
        if !remove && (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--reason is required: say why the finding is accepted")
        }
        if json { throw ValidationError("--json goes with --list") }
    }

    func run() async throws {
        var overrides = ConfigurationLoader.Overrides()
        overrides.statusDirectory = statusDir
        overrides.marksFile = marksFile
        let loaded: DaemonConfiguration
        do {
            loaded = try await ConfigurationLoader().load(file: config, overrides: overrides)
        } catch {
            FileHandleOutput.standardError("nianbao: \(error)")
            throw ExitCode(2)
        }
        let marks = MarksFile(path: loaded.marksPath)
        let inForce: ReviewMarks
        do { inForce = try marks.read().marks } catch { fail("\(marks.path): \(error)") }
        if list {
            printList(inForce)
            return
        }
        guard let file, let code else { return }
        let record = ReviewTarget.record(for: file, statusDirectory: loaded.statusDirectory)
        guard let record else { fail("\(file): cannot be read") }
        guard let agency = record.agency, let year = record.year else {
            fail("\(file): the report names no agency or year, so its findings cannot be marked")
        }
        let mark: ReviewMark
        if remove {
            let key = AgencyYear.key(agency)
            let candidates = inForce.sorted.filter {
                $0.key.agency == key && $0.year == year && $0.code == code && matches($0.message, $0.location)
            }
            guard candidates.count == 1, var found = candidates.first else {
                ambiguous(candidates.map { ($0.message, $0.location) }, what: "mark", code: code, file: file)
            }
            found.op = .unsettle
            found.reason = ""
            found.time = Self.now()
            found.file = file
            found.sha256 = record.sha256
            mark = found
        } else {
            let candidates = record.findings.filter { $0.code == code && matches($0.message, $0.location) }
            guard candidates.count == 1, let finding = candidates.first else {
                ambiguous(candidates.map { ($0.message, $0.location) }, what: "finding", code: code, file: file,
                          codes: record.codes)
            }
            mark = ReviewMark(op: .settle, agency: agency, year: year, finding: finding, reason: reason ?? "", time: Self.now(),
                              file: file, sha256: record.sha256)
        }
        do { try marks.append(mark) } catch { fail("\(marks.path): cannot be written: \(error)") }
        let what = remove ? "已撤销核实" : "已核实"
        print("\(what)  \(TerminalText.escape(agency))  \(year)  \(code)  \(TerminalText.escape(mark.message))")
        if !remove { print("  理由：\(TerminalText.escape(mark.reason))") }
        print("  marks file: \(TerminalText.escape(marks.path))")
    }

    private func matches(_ message: String, _ location: String?) -> Bool {
        guard let cell, !cell.isEmpty else { return true }
        return message.contains(cell) || (location?.contains(cell) ?? false)
    }

    private func printList(_ marks: ReviewMarks) {
        for mark in marks.sorted {
            if json {
                print((try? JSONLine.string(mark)) ?? "")
                continue
            }
            let location = mark.location.map { "（\($0)）" } ?? ""
            print(TerminalText.escape("\(mark.agency)  \(mark.year)  \(mark.code)  \(mark.message)\(location)"))
            print(TerminalText.escape("  已核实：\(mark.reason)  (\(mark.time)\(mark.file.map { ", " + $0 } ?? ""))"))
        }
    }

    private func ambiguous(_ candidates: [(String, String?)], what: String, code: String, file: String, codes: [String] = []) -> Never {
        if candidates.isEmpty {
            var text = "nianbao: \(file): no \(what) with code \(code)\(cell.map { " matching --cell \"\($0)\"" } ?? "")"
            if !codes.isEmpty { text += "; its findings' codes: " + codes.joined(separator: ", ") }
            fail(text, prefixed: true)
        }
        var text = "nianbao: \(file): \(candidates.count) \(what)s with code \(code); give --cell with text of the one meant:"
        for (message, location) in candidates { text += "\n  \(message)\(location.map { "（\($0)）" } ?? "")" }
        fail(text, prefixed: true)
    }

    private func fail(_ message: String, prefixed: Bool = false) -> Never {
        let text = prefixed ? message : "nianbao: " + message
        FileHandleOutput.standardError(text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TerminalText.escape(String($0)) }.joined(separator: "\n"))
        Glibc.exit(2)
    }

    static func now() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false))
    }
}
