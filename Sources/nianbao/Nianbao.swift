import ArgumentParser
import NianbaoPlatform
#if canImport(Glibc)
import Glibc
#endif

/// `nianbao`: guards drop folders of 政府信息公开工作年度报告 and checks reports.
@main
struct Nianbao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "Validate government information-disclosure annual reports (年报) and guard their drop folders.",
        version: "0.1.0",
        subcommands: [CheckCommand.self, WatchCommand.self, StatusCommand.self, ExportCommand.self, RemindCommand.self, ExplainCommand.self, ReviewCommand.self, ExtractCommand.self, ExtractChildCommand.self, SandboxProbeCommand.self]
    )

    /// Runs the command; usage errors exit 2 (not ArgumentParser's 64).
    static func main() async {
        // `check` is a batch over thousands of reports: it runs with the allocator tuned
        // for that (a process restart is the only way to set the per-thread cache).
        if CommandLine.arguments.dropFirst().first == "check" {
            BatchMemory.restartWithBatchTunables(CommandLine.arguments)
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == .failure || code.rawValue == 1 || code.rawValue == 2 {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty {
                FileHandleOutput.standardError(message)
            }
            Glibc.exit(2)
        }
    }
}

/// Writes to standard error.
enum FileHandleOutput {
    static func standardError(_ text: String) {
        var line = Array(text.utf8)
        if line.last != 0x0A { line.append(0x0A) }
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// Writes raw bytes to standard output (retrying short writes).
    static func standardOutput(_ bytes: [UInt8]) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            written += n
        }
    }
}
