import Foundation
import NianbaoDaemon
import NianbaoPlatform
import NianbaoViews
import Testing
import NianbaoTestSupport

/// `watch.mode`, `watch.pollSeconds`, `watch.dropModes`: read, validated like the other keys.
@Suite(.offPool) struct WatchModeConfigurationTests {
    func write(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.path + "/nianbao-config-\(UUID().uuidString).json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func defaultsAndValues() async throws {
        let defaults = try await ConfigurationLoader().load(file: nil, overrides: .init())
        #expect(defaults.watching.mode == .auto && defaults.watching.pollSeconds == 5 && defaults.watching.dropModes.isEmpty)
        let path = try write("""
        {"drops": ["nas=/srv/nas", "local=/srv/local"],
         "watch": {"mode": "inotify", "pollSeconds": 10, "dropModes": ["nas=poll"]}}
        """)
        let config = try await ConfigurationLoader().load(file: path, overrides: .init())
        #expect(config.watching.requested(for: "nas") == .poll)
        #expect(config.watching.requested(for: "local") == .inotify)
        #expect(config.watching.pollSeconds == 10)
    }

    @Test(arguments: [
        (#"{"watch": {"mode": "fanotify"}}"#, "watch.mode"),
        (#"{"watch": {"mode": 1}}"#, "watch.mode"),
        (#"{"watch": {"pollSeconds": 0}}"#, "watch.pollSeconds"),
        (#"{"watch": {"pollSeconds": 3601}}"#, "watch.pollSeconds"),
        (#"{"watch": {"dropModes": ["nowhere=poll"]}}"#, "watch.dropModes"),
        (#"{"watch": {"dropModes": ["drop"]}}"#, "watch.dropModes"),
        (#"{"watch": {"dropModes": ["drop=sometimes"]}}"#, "watch.dropModes"),
        (#"{"watch": {"dropModes": ["drop=poll", "drop=auto"]}}"#, "watch.dropModes"),
        (#"{"watch": {"pollSecond": 5}}"#, "watch.pollSecond"),
    ])
    func badValuesNameTheKey(json: String, key: String) async throws {
        let path = try write(json)
        do {
            _ = try await ConfigurationLoader().load(file: path, overrides: .init())
            Issue.record("accepted \(json)")
        } catch let error as ConfigurationError {
            #expect(error.key == key, "\(json) → \(error)")
        }
    }

    /// The metric `nianbao_watch_mode{drop,mode}`, every mode of every drop at 0 or 1, and
    /// `nianbao_watch_stalled{drop}`; promtool accepts the file.
    @Test func watchModeMetricsPassPromtool() throws {
        var snapshot = MetricsSnapshot(
            reports: [:], findings: [:], queueDepth: 0, lastVerdictAt: nil, judgedTotal: 0, refusedTotal: [:],
            watchDirectories: 2, journalFsync: FsyncHistogram())
        snapshot.watchModes = ["nas": "poll", "local": "mixed"]
        snapshot.watchStalled = ["nas"]
        let text = MetricsText.render(snapshot)
        #expect(text.contains(#"nianbao_watch_mode{drop="nas",mode="poll"} 1"#))
        #expect(text.contains(#"nianbao_watch_mode{drop="nas",mode="inotify"} 0"#))
        #expect(text.contains(#"nianbao_watch_mode{drop="local",mode="mixed"} 1"#))
        #expect(text.contains(#"nianbao_watch_stalled{drop="nas"} 1"#))
        #expect(text.contains(#"nianbao_watch_stalled{drop="local"} 0"#))
        guard let promtool = OutputTools.required("promtool", package: "prometheus") else { return }
        let path = FileManager.default.temporaryDirectory.path + "/nianbao-\(UUID().uuidString).prom"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try NianbaoRun.run(["-c", "\"$0\" check metrics < \"$1\"", promtool, path], executable: "/bin/sh")
        #expect(run.status == 0, "promtool: \(run.stdout) \(run.stderr)")
    }
}
