import Foundation
import Glibc
import Testing
import NianbaoTestSupport

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

        guard let binary = Self.binary else { return }
        // wait4 gives this child's own peak RSS (RUSAGE_CHILDREN would include the
        // LibreOffice conversions other tests of this process run).
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-bomb-\(getpid()).out")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = []
        for argument in [binary.path, "check", "--json", file.path] { argv.append(strdup(argument)) }
        argv.append(nil)
        defer { for pointer in argv { free(pointer) } }
        let environment: [UnsafeMutablePointer<CChar>?] = [nil]
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, binary.path, &actions, nil, argv, environment)
        #expect(spawned == 0)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let data = try Data(contentsOf: output)
        let peakMiB = usage.ru_maxrss / 1024
        #expect(peakMiB < 200, "peak RSS \(peakMiB) MiB")
        #expect(String(decoding: data, as: UTF8.self).contains("fail"))
    }
}
