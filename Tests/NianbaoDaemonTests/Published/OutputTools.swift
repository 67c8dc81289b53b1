import Foundation
import Testing

/// The real programs the derived-output tests run (headless Chromium, promtool), and
/// where their artefacts are kept.
enum OutputTools {
    /// The tool's path, or nil when absent; under `CI=true` an absent tool is a failure.
    static func required(_ name: String, package: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for directory in directories + ["/usr/bin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
            return directory + "/" + name
        }
        #expect(ProcessInfo.processInfo.environment["CI"] != "true", "CI must install \(package) for \(name)")
        return nil
    }

    /// Runs headless Chromium with its own profile; returns standard output.
    static func chromium(_ path: String, _ arguments: [String]) throws -> NianbaoRun {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("daemon-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        return try NianbaoRun.run([
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile.path)",
        ] + arguments, executable: path)
    }

    /// `.build/test-artefacts/daemon/` of the package (gitignored with `.build/`).
    static var artefacts: URL {
        // #filePath is Tests/NianbaoDaemonTests/Published/OutputTools.swift.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent(".build/test-artefacts/daemon", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The samples of a metric family in Prometheus text: labels (as written) → value.
    static func samples(_ text: String, _ name: String) -> [String: Double] {
        var result: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard line.hasPrefix(name + "{") || line.hasPrefix(name + " "), let space = line.lastIndex(of: " ") else { continue }
            let labels = String(line[line.index(line.startIndex, offsetBy: name.count)..<space])
            result[labels] = Double(line[line.index(after: space)...])
        }
        return result
    }
}
