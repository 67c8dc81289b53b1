import Foundation
import NianbaoDaemon
import NianbaoPlatform
import Testing

/// The attempt log heals itself: deleted or replaced while the daemon runs, it is
/// written again from what the daemon keeps in memory (earlier runs' attempts and
/// those in flight), so the next start still counts them; something else in its
/// place at start is moved aside; lines that do not parse are dropped.
@Suite struct AttemptLogTests {
    static func temp() throws -> String {
        let folder = FileManager.default.temporaryDirectory.path + "/nianbao-attempts-\(UUID().uuidString)"
        try Directories.create(folder)
        return folder + "/verdicts.jsonl.attempts"
    }

    static func attempt(_ name: String, _ digit: Character) -> AttemptLog.Attempt {
        AttemptLog.Attempt(key: ReportKey(drop: "drop", relativePath: name), sha256: String(repeating: digit, count: 64))
    }

    /// A start of the daemon: the log as the next run reads it.
    static func restart(_ path: String) throws -> AttemptLog { try AttemptLog(path: path) { _ in false } }

    @Test(arguments: ["deleted", "replaced"])
    func aLogLostWhileRunningIsWrittenAgainFromMemory(how: String) throws {
        let path = try Self.temp()
        let (poison, inFlight, next) = (Self.attempt("poison.doc", "a"), Self.attempt("b.txt", "b"), Self.attempt("c.txt", "c"))
        // An earlier run died judging the poison file.
        try Self.restart(path).begin(poison)
        let log = try Self.restart(path)
        #expect(log.attempts(poison) == 1)
        log.begin(inFlight)
        if how == "deleted" {
            #expect(unlink(path) == 0)
        } else {
            try Data("garbage\n".utf8).write(to: URL(fileURLWithPath: path + ".new"))
            #expect(rename(path + ".new", path) == 0)
        }
        log.begin(next)
        #expect(log.healIfLost(), "said once")
        #expect(!log.healIfLost())
        // The daemon dies now: the next start still counts every attempt.
        let after = try Self.restart(path)
        #expect(after.attempts(poison) == 1 && after.attempts(inFlight) == 1 && after.attempts(next) == 1)
    }

    @Test func theCheckAloneHealsItToo() throws {
        let path = try Self.temp()
        let log = try Self.restart(path)
        log.begin(Self.attempt("a.txt", "a"))
        #expect(unlink(path) == 0)
        #expect(log.healIfLost())
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try Self.restart(path).attempts(Self.attempt("a.txt", "a")) == 1)
    }

    @Test func somethingElseInItsPlaceIsMovedAsideAndLinesThatDoNotParseAreDropped() throws {
        let path = try Self.temp()
        try FileManager.default.createDirectory(atPath: path + "/x", withIntermediateDirectories: true)
        let log = try Self.restart(path)
        #expect(log.damaged?.contains(".damaged") == true)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: path + ".damaged/x", isDirectory: &isFolder) && isFolder.boolValue)
        log.begin(Self.attempt("a.txt", "a"))
        // Garbage appended by hand, and a line torn mid-way.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\u{0}\u{1}binary\n+ zz 6472 612e747874\n+ aaaa 64726f70\n".utf8))
        try handle.close()
        let after = try Self.restart(path)
        #expect(after.damaged == nil)
        #expect(after.attempts(Self.attempt("a.txt", "a")) == 1)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 1, "compacted to the one attempt that parses: \(text)")
    }
}
