import Foundation
import Testing
import NianbaoDaemon
import NianbaoTestSupport
import NianbaoOffice

/// File names and document text cannot repaint an operator's terminal or forge a line.
@Suite(.offPool) struct TerminalSafetyTests {
    @Test func controlCharactersAreEscaped() {
        #expect(TerminalText.escape("a\u{1B}[2Jb") == "a\\x1B[2Jb")
        #expect(TerminalText.escape("报告\n伪造行") == "报告\\x0A伪造行")
        #expect(TerminalText.escape("\r\u{7F}\u{9B}") == "\\x0D\\x7F\\x9B")
        #expect(TerminalText.escape("evil\u{202E}txt.pdf") == "evil\\u{202E}txt.pdf")
        #expect(TerminalText.escape("\u{10FFB1}\u{10FFA8}") == "\\xB1\\xA8")
        #expect(TerminalText.escape("洪泽区 2024 年报.pdf") == "洪泽区 2024 年报.pdf")
    }

    /// `nianbao check` on a file whose name holds an ANSI sequence and a newline:
    /// the output holds neither, and the report's block has its usual line count.
    @Test func checkOutputCannotBeForged() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-tty-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = "x\u{1B}[2J\u{1B}[31mPASS\nPASS  伪造.txt"
        try Data(Fixtures.sample("huaian_hongze_2023.txt")).write(to: directory.appendingPathComponent(name))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binaries.nianbao)
        process.arguments = ["check", directory.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(!output.contains("\u{1B}"))
        #expect(output.split(separator: "\n").first?.hasPrefix("FAIL") == true)
        #expect(!output.split(separator: "\n").contains { $0.hasPrefix("PASS") }, "\(output)")
        #expect(output.contains("\\x1B[2J"))
    }
}

/// The PDF reader child's seccomp filter, tried by `nianbao sandbox-probe`.
@Suite(.offPool) struct ChildSandboxTests {
    @Test func filterDeniesWhatTheReaderNeverNeeds() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-probe-\(UUID().uuidString.prefix(8))").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binaries.nianbao)
        process.arguments = ["sandbox-probe", scratch]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = Set(output.split(separator: "\n").map(String.init))
        #expect(lines.contains("filter: installed"), "\(output)")
        #expect(lines.contains("read /proc/self/status: allowed"))
        for denied in ["create a file", "socket", "signal the parent", "unlink", "execve", "spawn a process"] {
            #expect(lines.contains("\(denied): denied"), "\(denied) in \(output)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch))
    }
}
