import Foundation
import Testing
import NianbaoTestSupport

/// Runs the built `nianbao check --json` on hostile input in a child process
/// and bounds its peak resident memory.
///
/// The peak is measured by GNU `time`, which forks the command from its own small
/// process. `wait4` on a child spawned from this test process would not do: the
/// child is started with `posix_spawn` (`clone(CLONE_VM)`), and Linux carries the
/// spawning process's peak RSS into the child's `ru_maxrss` at `exec`, so a loaded
/// test runner of 200 MiB made a 38 MiB `check` look like 204 MiB.
@Suite("Formats: CLI memory bound", .offPool)
struct MemoryBoundTests {
    /// A bomb that declares its 400 MiB, and one that lies (declares 1 KiB), so the
    /// inflating stream itself must stop it.
    // The limit guards against a hang only: a loaded CI machine took 75 s a case, 5 s quiet.
    @Test(.timeLimit(.minutes(5)), arguments: [false, true])
    func zipBombStaysSmallAndFails(lying: Bool) throws {
        let binary = URL(fileURLWithPath: Binaries.nianbao)
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "nianbao CLI not built")
        let head = Array("<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>".utf8)
        let stream = ZipBomb.deflate(head: head, size: 400 << 20)
        let bomb = ZipBomb.zip(name: "word/document.xml", deflated: stream.data, declaredSize: lying ? 1024 : stream.inflated)
        let workspace = try Workspace()
        let file = URL(fileURLWithPath: workspace.root + "/bomb.docx")
        try Data(bomb).write(to: file)
        let peakFile = URL(fileURLWithPath: workspace.root + "/peak")

        let result = try Subprocess.run(["time", "-f", "%M", "-o", peakFile.path, binary.path, "check", "--json", file.path])
        let peakKiB = try #require(Int(String(decoding: try Data(contentsOf: peakFile), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? ""))
        #expect(peakKiB / 1024 < 100, "peak RSS \(peakKiB / 1024) MiB")
        #expect(result.status == 1)
        #expect(result.output.contains("input.unreadable"))
    }
}
