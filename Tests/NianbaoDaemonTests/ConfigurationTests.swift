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

    @Test func missingOrMalformedFileIsAnError() async throws {
        await #expect(throws: ConfigurationError.self) {
            _ = try await ConfigurationLoader().load(file: "/nonexistent/nianbao.json", overrides: .init())
        }
        let path = try write("{ not json")
        await #expect(throws: ConfigurationError.self) { _ = try await ConfigurationLoader().load(file: path, overrides: .init()) }
    }
}
