import Foundation
import Testing
@testable import NianbaoDaemon
import NianbaoPlatform
import NianbaoTestSupport

/// Names of any legal length get a status file: a long one a shortened name with
/// a stable hash, the record inside keeping the full name.
@Suite(.serialized, .timeLimit(.minutes(2)), .offPool)
struct LongNameTests {
    @Test func statusFileNamesFitNameMax() {
        let long = String(repeating: "年", count: 83) + ".txt"  // 253 bytes
        let name = StatusDirectory.fileName(long)
        #expect(name.utf8.count <= 200)
        #expect(name.hasSuffix(".json") && name.contains("~"))
        #expect(StatusDirectory.fileName(long) == name, "stable")
        #expect(StatusDirectory.fileName(long + "x") != name, "distinct")
        #expect(StatusDirectory.fileName("报告.txt") == "报告.txt.json")
    }

    @Test func longNamesAreJudgedAndListed() throws {
        let ws = try Workspace()
        let daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        let sample = Fixtures.sample("huaian_hongze_2024.txt")
        let names = [
            String(repeating: "a", count: 251) + ".txt",                  // 255 bytes, ASCII
            String(repeating: "洪泽", count: 41) + "2024.txt",            // 254 bytes, UTF-8
            "short.txt",
        ]
        for (index, name) in names.enumerated() { try ws.write(name, sample + Array("\n\(index)\n".utf8)) }
        // 255 bytes of GBK (a name copied from Windows): not UTF-8, judged under its exact bytes.
        let gbk: [UInt8] = Array(repeating: [0xBA, 0xE9], count: 125).flatMap { $0 } + Array(".txt".utf8) + [0x41]
        #expect(gbk.count == 255)
        let gbkPath = Array((ws.drop + "/").utf8) + gbk + [0]
        let fd = gbkPath.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        _ = sample.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        #expect(daemon.waitForVerdicts(names, timeout: 30))
        let all = names.count + 1
        let listed = daemon.waitUntil(timeout: 20) { StatusDirectory(root: ws.status).allRecords().count == all }
        #expect(listed, "status files: \(StatusDirectory(root: ws.status).allRecords().keys)")
        let keys = Set(StatusDirectory(root: ws.status).allRecords().keys.map(\.relativePath.string))
        #expect(keys.isSuperset(of: Set(names)))
        #expect(keys.contains { FileNameCoding.encode($0) == gbk }, "the GBK name's record keeps its exact bytes")
        #expect(!daemon.output.contains("status write failed"), "\(daemon.output.suffix(800))")
        #expect(daemon.terminate() == 0)
    }
}
