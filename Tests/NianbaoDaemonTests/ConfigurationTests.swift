import Foundation
import Testing
import NianbaoDaemon
import NianbaoTestSupport

@Suite struct ConfigurationTests {
    func write(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.path + "/nianbao-config-\(UUID().uuidString).json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func defaultsWithoutAnyConfiguration() async throws {
        let config = try await ConfigurationLoader().load(file: nil, overrides: .init())
        #expect(config.drops == [DropFolder(name: "drop", path: "./drop")])
        #expect(config.statusDirectory == "./state/status")
        #expect(config.journalFile == "./state/verdicts.jsonl")
        #expect(config.settle == .milliseconds(200))
        #expect(config.maxFileBytes == 50 << 20)
    }

    @Test func fileValuesAndFlagOverrides() async throws {
        let path = try write("""
        {"drops": ["/srv/a", "beta=/srv/b/"], "state": {"statusDirectory": "/s", "journalFile": "/j"},
         "watch": {"settleMilliseconds": 500, "workers": 3}}
        """)
        let config = try await ConfigurationLoader().load(file: path, overrides: .init())
        #expect(config.drops == [DropFolder(name: "a", path: "/srv/a"), DropFolder(name: "beta", path: "/srv/b")])
        #expect(config.settle == .milliseconds(500))
        #expect(config.workers == 3)
        var overrides = ConfigurationLoader.Overrides()
        overrides.drops = ["/x/inbox"]
        overrides.statusDirectory = "/other"
        let merged = try await ConfigurationLoader().load(file: path, overrides: overrides)
        #expect(merged.drops == [DropFolder(name: "inbox", path: "/x/inbox")])
        #expect(merged.statusDirectory == "/other")
        #expect(merged.journalFile == "/j")
    }

    @Test func outputKeysAndTheirFlags() async throws {
        let defaults = try await ConfigurationLoader().load(file: nil, overrides: .init())
        #expect(defaults.metricsFile == nil && defaults.dashboard && defaults.receiptDirectory == nil)
        let path = try write("""
        {"state": {"receiptDirectory": "/srv/r"}, "output": {"metricsFile": "/var/lib/node/nianbao.prom", "dashboard": false}}
        """)
        let config = try await ConfigurationLoader().load(file: path, overrides: .init())
        #expect(config.receiptDirectory == "/srv/r")
        #expect(config.metricsFile == "/var/lib/node/nianbao.prom")
        #expect(!config.dashboard)
        var overrides = ConfigurationLoader.Overrides()
        overrides.receiptDirectory = "/other/r"
        overrides.metricsFile = "/other/m.prom"
        let merged = try await ConfigurationLoader().load(file: path, overrides: overrides)
        #expect(merged.receiptDirectory == "/other/r" && merged.metricsFile == "/other/m.prom" && !merged.dashboard)
        // The shipped file turns receipts on beside the drop folder.
        let shipped = try await ConfigurationLoader().load(file: Fixtures.repositoryFile("etc/nianbao.json").path, overrides: .init())
        #expect(shipped.receiptDirectory == "/srv/nianbao/receipts" && shipped.dashboard)
        // Wrong types name the key.
        await #expect(throws: ConfigurationError.self) {
            try await ConfigurationLoader().load(file: try write(#"{"output": {"dashboard": "yes"}}"#), overrides: .init())
        }
    }

    @Test func badValuesNameTheKey() async throws {
        let cases: [(String, String)] = [
            (#"{"watch": {"settleMilliseconds": "soon"}}"#, "watch.settleMilliseconds"),
            (#"{"watch": {"workers": -1}}"#, "watch.workers"),
            (#"{"convert": {"parallel": 65}}"#, "convert.parallel"),
            (#"{"convert": {"parallel": "two"}}"#, "convert.parallel"),
            (#"{"watch": {"retrySeconds": 0}}"#, "watch.retrySeconds"),
            (#"{"drops": "/not/an/array"}"#, "drops"),
            (#"{"drops": ["/a/x", "/b/x"]}"#, "drops"),
            (#"{"drops": ["/a", "/a/b"]}"#, "drops"),
        ]
        for (json, key) in cases {
            let path = try write(json)
            await #expect(throws: ConfigurationError.self) { _ = try await ConfigurationLoader().load(file: path, overrides: .init()) }
            do {
                _ = try await ConfigurationLoader().load(file: path, overrides: .init())
            } catch let error as ConfigurationError {
                #expect(error.key == key, "\(json) → \(error)")
            }
        }
    }

    /// A misspelt key is refused, naming it and the closest known key.
    @Test(arguments: [("{\"watch\": {\"wrokers\": 2}}", "watch.wrokers", "watch.workers"),
                      ("{\"state\": {\"statusDir\": \"/s\"}}", "state.statusDir", nil),
                      ("{\"parse\": {\"timeoutSecond\": 3}}", "parse.timeoutSecond", "parse.timeoutSeconds")])
    func unknownKeysAreRefusedWithASuggestion(_ json: String, _ key: String, _ suggestion: String?) async throws {
        let path = try write(json)
        do {
            _ = try await ConfigurationLoader().load(file: path, overrides: .init())
            Issue.record("accepted \(json)")
        } catch let error as ConfigurationError {
            #expect(error.key == key)
            #expect(error.reason.hasPrefix("unknown key"))
            if let suggestion { #expect(error.reason.contains("did you mean '\(suggestion)'")) }
        }
    }

    /// The file and the command line obey the same ranges: 0 workers means one per core in both.
    @Test func zeroWorkersMeansCoresInFileAndFlag() async throws {
        let path = try write("{\"watch\": {\"workers\": 0}}")
        #expect(try await ConfigurationLoader().load(file: path, overrides: .init()).workers == DaemonConfiguration.cores)
        var overrides = ConfigurationLoader.Overrides()
        overrides.workers = 0
        #expect(try await ConfigurationLoader().load(file: nil, overrides: overrides).workers == DaemonConfiguration.cores)
        overrides.workers = 257
        await #expect(throws: ConfigurationError.self) { try await ConfigurationLoader().load(file: nil, overrides: overrides) }
    }

    /// Conversions at once: by default from the cores and the memory, 0 in the file the same, else as given.
    @Test func convertParallelDefaultsFromCoresAndMemory() async throws {
        let derived = LibreOfficeRun.defaultParallel
        #expect(derived >= 1 && derived <= DaemonConfiguration.cores)
        #expect(try await ConfigurationLoader().load(file: nil, overrides: .init()).convertParallel == derived)
        #expect(try await ConfigurationLoader().load(file: try write(#"{"convert": {"parallel": 0}}"#), overrides: .init()).convertParallel == derived)
        #expect(try await ConfigurationLoader().load(file: try write(#"{"convert": {"parallel": 5}}"#), overrides: .init()).convertParallel == 5)
    }

    /// Checked before anything starts: drop folders exist (or are created when asked),
    /// the status directory and the journal take a test write; failures name key and path.
    @Test func startupCheckNamesKeyPathAndErrno() throws {
        let root = FileManager.default.temporaryDirectory.path + "/nianbao-start-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        var config = DaemonConfiguration(drops: [DropFolder(name: "d", path: root + "/drop")],
                                         statusDirectory: root + "/status", journalFile: root + "/log/j.jsonl")
        func failure(_ config: DaemonConfiguration) -> ConfigurationError? {
            do { try StartupCheck.verify(config); return nil } catch { return error }
        }
        let missing = try #require(failure(config))
        #expect(missing.key == "drops")
        #expect(missing.reason.contains(root + "/drop") && missing.reason.contains("errno 2") && missing.reason.contains("投递目录"))
        config.createDrops = true
        #expect(failure(config) == nil)
        #expect(FileManager.default.fileExists(atPath: root + "/drop"))
        #expect(FileManager.default.fileExists(atPath: root + "/log/j.jsonl"))
        config.statusDirectory = "/etc/passwd/status"
        let status = try #require(failure(config))
        #expect(status.key == "state.statusDirectory" && status.reason.contains("/etc/passwd/status") && status.reason.contains("errno 20"))
        config.statusDirectory = root + "/status"
        config.journalFile = "/etc/passwd/j.jsonl"
        #expect(failure(config)?.key == "state.journalFile")
    }

    @Test func missingOrMalformedFileIsAnError() async throws {
        await #expect(throws: ConfigurationError.self) {
            _ = try await ConfigurationLoader().load(file: "/nonexistent/nianbao.json", overrides: .init())
        }
        let path = try write("{ not json")
        await #expect(throws: ConfigurationError.self) { _ = try await ConfigurationLoader().load(file: path, overrides: .init()) }
    }
}
