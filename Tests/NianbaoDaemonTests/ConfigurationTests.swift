import Foundation
import Testing
import NianbaoDaemon

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

    @Test func badValuesNameTheKey() async throws {
        let cases: [(String, String)] = [
            (#"{"watch": {"settleMilliseconds": "soon"}}"#, "watch.settleMilliseconds"),
            (#"{"watch": {"workers": -1}}"#, "watch.workers"),
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

    @Test func missingOrMalformedFileIsAnError() async throws {
        await #expect(throws: ConfigurationError.self) {
            _ = try await ConfigurationLoader().load(file: "/nonexistent/nianbao.json", overrides: .init())
        }
        let path = try write("{ not json")
        await #expect(throws: ConfigurationError.self) { _ = try await ConfigurationLoader().load(file: path, overrides: .init()) }
    }
}
