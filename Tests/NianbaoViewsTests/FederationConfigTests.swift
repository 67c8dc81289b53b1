import Foundation
import Testing

/// The province's Prometheus example (etc/prometheus/federation.yml and its rules) is a
/// configuration the real `promtool` accepts, and federates exactly the nianbao_* series.
struct FederationConfigTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("etc/prometheus")

    @Test func promtoolAcceptsTheFederationExample() throws {
        guard let promtool = ExternalTool.required("promtool", package: "prometheus") else { return }
        let config = Self.folder.appendingPathComponent("federation.yml").path
        let run = try promtool.run(["check", "config", config])
        #expect(run.status == 0, "promtool: \(run.stderr) \(run.text)")
        // The rule file was found and read with it.
        #expect(run.text.contains("rule files found") && run.text.contains("5 rules found"), "\(run.text)")
        let text = try String(contentsOfFile: config, encoding: .utf8)
        #expect(text.contains("metrics_path: /federate") && text.contains("honor_labels: true"))
        #expect(text.contains(#"'{__name__=~"nianbao_.*"}'"#))
    }

    @Test func promtoolWouldCatchABrokenRule() throws {
        // Control: the same rules with a broken expression are refused.
        guard let promtool = ExternalTool.required("promtool", package: "prometheus") else { return }
        let rules = try String(contentsOf: Self.folder.appendingPathComponent("nianbao-province.rules.yml"), encoding: .utf8)
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).rules.yml")
        try Data(rules.replacingOccurrences(of: "sum by (year)", with: "sum by (year").utf8).write(to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        #expect(try promtool.run(["check", "rules", broken.path]).status != 0)
    }
}
