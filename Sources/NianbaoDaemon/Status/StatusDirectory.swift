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

    /// The status file of a report below `root` (`<drop>/<folders>/<name>.json`, placed
    /// by ``MirrorLayout``), or nil if the relative path is unsafe.
    ///
    /// No name in a drop folder can take another report's status file: a folder ending
    /// in ".json" or "~" gets a "~" (`a.txt.json/` → `a.txt.json~/`), so only files end
    /// in ".json". A name too long to take ".json" within ``LongFileName/maxBytes`` is
    /// shortened to a prefix plus a stable hash of the whole name
    /// ("…~1f2e3d4c5b6a7988.json"); a path too deep to fit in PATH_MAX goes flat into
    /// `<drop>/deep~/`. The record inside keeps the full relative path, which is what
    /// `allRecords` reads keys from.
    func statusComponents(for key: ReportKey) -> [String]? {
        let components = key.relativePath.components.map(\.string)
        guard key.relativePath.isRelative, DropFolder.isValidName(key.drop),
              components.allSatisfy(PathComponent.isPlainName) else { return nil }
        let layout = MirrorLayout(fileSuffixes: [Self.suffix], prefixBytes: root.utf8.count + key.drop.utf8.count + 2)
        guard let placed = layout.place(components) else { return nil }
        return [key.drop] + placed.folders + [placed.stem + Self.suffix]
    }

    static let suffix = ".json"

    static func fileName(_ name: String) -> String { LongFileName.named(name, suffix: suffix) }

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
        for file in allFiles() { result[file.key] = file.record }
        return result
    }

    /// A status file found below the root: where it is, and the report its record names.
    struct File {
        /// The path below the root, `/`-separated.
        var path: String
        var key: ReportKey
        var record: VerdictRecord
    }

    /// Every status file below the root, wherever it lies (an older layout's included).
    func allFiles() -> [File] {
        var result: [File] = []
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".json"), relative != "summary.json", let slash = relative.firstIndex(of: "/") else { continue }
            guard let data = FileManager.default.contents(atPath: "\(root)/\(relative)"),
                  let record = try? JSONDecoder().decode(VerdictRecord.self, from: data) else { continue }
            // The key as the record names it (a shortened file name keeps the full path inside).
            let drop = record.drop ?? String(relative[..<slash])
            let rest = record.relativePath ?? String(relative[relative.index(after: slash)...].dropLast(5))
            result.append(File(path: relative, key: ReportKey(drop: drop, relativePath: rest), record: record))
        }
        return result
    }

    /// Removes the status file at `path` (below the root, `/`-separated) and the folders
    /// it leaves empty below its drop's folder: a file left by an older layout.
    func removeFile(at path: String) throws {
        let components = path.split(separator: "/").map(String.init)
        guard let name = components.last else { return }
        try tree.remove([name], in: Array(components.dropLast()), keeping: 1)
    }
}
