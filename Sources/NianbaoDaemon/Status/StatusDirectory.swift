import Foundation
import NianbaoEngine
import NianbaoPlatform

/// The status directory: `<root>/<drop>/<relative-path>.json` holds each report's
/// latest verdict; `<root>/summary.json` the counts. Every write is atomic.
///
/// Status paths derive only from paths inside the drop folder (never from report
/// content), and every component is checked so nothing escapes `root`.
public struct StatusDirectory: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// The writer of the tree: folders 0750, files 0640, no link below `root` followed.
    public var tree: SafeTreeWriter { SafeTreeWriter(root: root) }

    /// The status file of a report, or nil if the relative path is unsafe.
    public func statusPath(for key: ReportKey) -> String? {
        statusComponents(for: key).map(tree.location)
    }

    /// The status file of a report below `root` (`<drop>/<folders>/<name>.json`), or nil
    /// if the relative path is unsafe.
    ///
    /// A name too long to take ".json" within ``LongFileName/maxBytes`` is shortened to
    /// a prefix plus a stable hash of the whole name ("…~1f2e3d4c5b6a7988.json"); the
    /// record inside keeps the full relative path, which is what `allRecords` reads keys from.
    func statusComponents(for key: ReportKey) -> [String]? {
        let components = key.relativePath.components.map(\.string)
        guard key.relativePath.isRelative, let last = components.last, DropFolder.isValidName(key.drop),
              components.allSatisfy(PathComponent.isPlainName) else { return nil }
        return [key.drop] + components[..<(components.count - 1)] + [Self.fileName(last)]
    }

    static func fileName(_ name: String) -> String { LongFileName.named(name, suffix: ".json") }

    /// Removes a report's status file and the folders left empty below its drop's folder.
    public func remove(_ key: ReportKey) throws {
        guard let path = statusComponents(for: key) else { return }
        try tree.remove([path[path.count - 1]], in: Array(path.dropLast()), keeping: 1)
    }

    /// Reads a report's status, if present and readable.
    public func read(_ key: ReportKey) -> VerdictRecord? {
        guard let path = statusPath(for: key), let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(VerdictRecord.self, from: data)
    }

    /// Writes `summary.json` atomically.
    public func writeSummary(_ summary: Summary) throws {
        try tree.write(try JSONLine.pretty(summary), to: ["summary.json"])
    }

    /// Reads `summary.json`.
    public func readSummary() -> Summary? {
        guard let data = FileManager.default.contents(atPath: "\(root)/summary.json") else { return nil }
        return try? JSONDecoder().decode(Summary.self, from: data)
    }

    /// All status files under the root (for `nianbao status`), keyed by report.
    public func allRecords() -> [ReportKey: VerdictRecord] {
        var result: [ReportKey: VerdictRecord] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".json"), relative != "summary.json", let slash = relative.firstIndex(of: "/") else { continue }
            guard let data = FileManager.default.contents(atPath: "\(root)/\(relative)"),
                  let record = try? JSONDecoder().decode(VerdictRecord.self, from: data) else { continue }
            // The key as the record names it (a shortened file name keeps the full path inside).
            let drop = record.drop ?? String(relative[..<slash])
            let rest = record.relativePath ?? String(relative[relative.index(after: slash)...].dropLast(5))
            result[ReportKey(drop: drop, relativePath: rest)] = record
        }
        return result
    }
}
