import Foundation
import Testing
import NianbaoDaemon
import NianbaoTestSupport

/// The `nianbao` command line as users run it: output, JSON fields, exit codes.
@Suite(.serialized, .offPool) struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], cwd: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binaries.nianbao)
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    var samples: String { Fixtures.directory + "/samples" }

    /// `nianbao status --status-dir` with a relative folder, from another working directory.
    @Test func statusReadsARelativeStatusDirectory() throws {
        let ws = try Workspace()
        let record = try #require(try run(["check", "--json", samples + "/huaian_hongze_2023.txt"]).stdout.split(separator: "\n").first)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any])
        object["drop"] = "drop"
        object["relative_path"] = "huaian_hongze_2023.txt"
        try FileManager.default.createDirectory(atPath: ws.status + "/drop", withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: ws.status + "/drop/huaian_hongze_2023.txt.json"))
        let absolute = try run(["status", "--json", "--status-dir", ws.status])
        let relative = try run(["status", "--json", "--status-dir", "state/status/"], cwd: ws.root)
        let fromDrop = try run(["status", "--json", "--status-dir", "../state/status"], cwd: ws.drop)
        #expect(absolute.status == relative.status && relative.status == fromDrop.status)
        #expect(absolute.stdout.contains("huaian_hongze_2023.txt"))
        #expect(relative.stdout == absolute.stdout && fromDrop.stdout == absolute.stdout)
    }

    /// `cd X && nianbao check norm` reads the same files as the absolute path, for
    /// relative folders, ".", ".." and trailing slashes (a new user's first command).
    @Test(arguments: ["samples", "samples/", "./samples", "../Fixtures/samples"])
    func relativeFoldersReadLikeAbsoluteOnes(_ relative: String) throws {
        let absolute = try run(["check", "--json", samples])
        let fromFixtures = try run(["check", "--json", relative], cwd: Fixtures.directory)
        #expect(fromFixtures.status == absolute.status)
        func verdicts(_ output: String) -> [String] {
            output.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]).map {
                    "\(($0["path"] as? String ?? "").split(separator: "/").last ?? "") \($0["verdict"] ?? "") \($0["sha256"] ?? "")"
                }
            }
        }
        #expect(verdicts(fromFixtures.stdout) == verdicts(absolute.stdout))
        #expect(verdicts(absolute.stdout).count >= 8)
        #expect(!fromFixtures.stdout.contains("vanished") && !fromFixtures.stderr.contains("vanished"), "\(fromFixtures.stderr)")
    }

    @Test func checkJSONHasTheDocumentedFields() throws {
        let path = samples + "/000_fb640ca0b162b3d7.txt"
        let result = try run(["check", "--json", path])
        #expect(result.status == 0)   // warn only
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["path", "sha256", "format", "encoding", "template", "agency", "year", "published", "verdict", "findings"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["path"] as? String == path)
        #expect(object["sha256"] as? String == ContentHash.sha256(Fixtures.sample("000_fb640ca0b162b3d7.txt")))
        #expect(object["template"] as? String == "2021")
        #expect(object["agency"] as? String == "聊城市商务和投资促进局")
        #expect(object["year"] as? Int == 2021)
        #expect(object["published"] as? String == "2022-01-10")
        #expect(object["verdict"] as? String == "warn")
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.allSatisfy { Set($0.keys).isSuperset(of: ["code", "severity", "message", "location"]) })
    }

    @Test func exitCodesFollowTheWorstVerdict() throws {
        #expect(try run(["check", samples + "/003_458875e39d02c745.txt"]).status == 0)
        #expect(try run(["check", samples + "/000_fb640ca0b162b3d7.txt"]).status == 0)
        #expect(try run(["check", "--strict", samples + "/000_fb640ca0b162b3d7.txt"]).status == 1)
        #expect(try run(["check", samples + "/huaian_hongze_2023.txt"]).status == 1)
        #expect(try run(["check", "/nonexistent/report.txt"]).status == 2)
        #expect(try run(["check"]).status == 2)
        #expect(try run(["check", "--no-such-flag", samples]).status == 2)
    }

    @Test func checkingAFolderChecksEveryReportInIt() throws {
        let result = try run(["check", "--json", samples])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == Fixtures.sampleNames.count + 1)   // the .txt samples and SAMPLES.md
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
    }

    @Test func humanOutputNamesVerdictAgencyYearAndFile() throws {
        let result = try run(["check", samples + "/huaian_hongze_2023.txt"])
        let first = try #require(result.stdout.split(separator: "\n").first)
        #expect(first.hasPrefix("FAIL"))
        #expect(first.contains("洪泽区人民政府") && first.contains("2023") && first.contains("huaian_hongze_2023.txt"))
        #expect(result.stdout.contains("table3.group_total"))
        #expect(!result.stdout.contains("\u{1B}["), "no colours when not on a terminal")
    }

    @Test func explainListsAndExplainsRules() throws {
        let list = try run(["explain"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("table2.balance"))
        let one = try run(["explain", "table2.balance"])
        #expect(one.status == 0)
        #expect(one.stdout.count > 80)
        #expect(try run(["explain", "no.such.code"]).status == 2)
        #expect(one.stdout.contains("nianbao review FILE table2.balance"), "how to settle it")
        let review = try run(["explain", "review"])
        #expect(review.status == 0 && review.stdout.contains("已核实") && review.stdout.contains("state.marksFile"))
    }

    @Test func statusSummarisesTheStatusDirectory() throws {
        let ws = try Workspace()
        try ws.write("fail.txt", Fixtures.sample("huaian_hongze_2023.txt"))
        try ws.write("pass.txt", Fixtures.sample("003_458875e39d02c745.txt"))
        let daemon = try DaemonHarness(ws)
        #expect(daemon.waitForVerdicts(["fail.txt", "pass.txt"]))
        #expect(daemon.terminate() == 0)
        let human = try run(["status", "--status-dir", ws.status])
        #expect(human.stdout.contains("2 reports: 1 pass, 0 warn, 1 fail"))
        #expect(human.stdout.contains("fail.txt"))
        let json = try run(["status", "--json", "--status-dir", ws.status])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["failing"] as? [Any])?.count == 1)
    }

    @Test func watchWithoutConfigurationUsesDotDropAndDotState() throws {
        let ws = try Workspace()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binaries.nianbao)
        process.arguments = ["watch"]
        process.currentDirectoryURL = URL(fileURLWithPath: ws.root)
        let notify = try NotifySocket(path: ws.root + "/notify")
        process.environment = ProcessInfo.processInfo.environment.merging(["NOTIFY_SOCKET": notify.path]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        try ws.write("r.txt", Fixtures.sample("003_458875e39d02c745.txt"))
        #expect(notify.waitUntil(timeout: 30) { FileManager.default.fileExists(atPath: ws.root + "/state/status/drop/r.txt.json") })
        #expect(FileManager.default.fileExists(atPath: ws.root + "/state/verdicts.jsonl"))
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.contains("PASS") && printed.contains("r.txt"))
    }

    @Test func badConfigurationNamesTheKeyAndExitsNonZero() throws {
        let path = FileManager.default.temporaryDirectory.path + "/nianbao-bad-\(UUID().uuidString).json"
        try #"{"watch": {"settleMilliseconds": "soon"}}"#.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try run(["watch", "--config", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("watch.settleMilliseconds"))
    }
}
