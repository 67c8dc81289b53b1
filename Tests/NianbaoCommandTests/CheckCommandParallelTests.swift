import Foundation
import Testing
import NianbaoTestSupport

/// The real `nianbao check` binary over a folder: judging on every core changes
/// neither the verdicts, nor their order, nor the exit status.
@Suite("Command: nianbao check on every core", .offPool)
struct CheckCommandParallelTests {
    private func check(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try Subprocess.run([Binaries.directory + "/nianbao", "check"] + arguments)
        return (result.status, result.output, result.stderr)
    }

    @Test func everyCoreGivesTheOneThreadOutputInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/nianbao-check-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = Fixtures.sampleNames
        try #require(!names.isEmpty)
        for index in 0 ..< 60 {
            let bytes = Fixtures.sample(names[index % names.count]) + Array("\n备注：第 \(index) 份\n".utf8)
            let place = index % 3 == 0 ? "sub/" : ""
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/\(place)r\(String(format: "%03d", index)).txt"))
        }
        let missing = folder + "/absent.txt"
        let parallel = try check(["--json", "--jobs", "4", folder, missing])
        let single = try check(["--json", "--jobs", "1", folder, missing])
        #expect(parallel.stdout == single.stdout)
        #expect(parallel.status == single.status)
        #expect(parallel.stderr == single.stderr && parallel.stderr.contains("absent.txt"))
        let paths = parallel.stdout.split(separator: "\n").compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["path"] as? String
        }
        #expect(paths.count == 60)
        #expect(paths == paths.sorted(), "folder entries in sorted order")
        // With only passing reports the status is 0; the samples include failing ones: 1.
        #expect(parallel.status == 1)
        let usage = try check(["--jobs", "-1", folder])
        #expect(usage.status == 2, "a usage error")
    }
}
