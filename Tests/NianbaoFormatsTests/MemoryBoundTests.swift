import Foundation
import Glibc
import Testing

/// Runs the built `nianbao check --json` on hostile input in a child process
/// and bounds its peak resident memory. Skipped until the CLI has been built.
@Suite("Formats: CLI memory bound")
struct MemoryBoundTests {
    /// `<scratch>/debug/nianbao`, next to the test bundle.
    static let binary: URL? = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        var directory = bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("nianbao")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }()

    @Test(.enabled(if: binary != nil, "nianbao CLI not built"), .timeLimit(.minutes(1)))
    func zipBombStaysSmallAndFails() throws {
        let head = Array("<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>".utf8)
        let stream = ZipBomb.deflate(head: head, size: 400 << 20)
        let bomb = ZipBomb.zip(name: "word/document.xml", deflated: stream.data, declaredSize: stream.inflated)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-bomb-\(getpid()).docx")
        try Data(bomb).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        guard let binary = Self.binary else { return }
        process.executableURL = binary
        process.arguments = ["check", "--json", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        let peakMiB = usage.ru_maxrss / 1024
        #expect(peakMiB < 200, "peak RSS \(peakMiB) MiB")
        #expect(String(decoding: data, as: UTF8.self).contains("fail"))
    }
}
