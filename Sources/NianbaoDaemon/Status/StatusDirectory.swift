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

    /// The status file of a report, or nil if the relative path is unsafe.
    public func statusPath(for key: ReportKey) -> String? {
        let components = key.relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !components.isEmpty, DropFolder.isValidName(key.drop),
              components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") }) else { return nil }
        return "\(root)/\(key.drop)/\(key.relativePath).json"
    }

    /// Removes a report's status file and any directories left empty.
    public func remove(_ key: ReportKey) throws {
        guard let path = statusPath(for: key) else { return }
        try AtomicFile.remove(path)
        var directory = (path as NSString).deletingLastPathComponent
        let stop = "\(root)/\(key.drop)"
        while directory.count > stop.count, directory.hasPrefix(stop) {
            if rmdir(directory) != 0 { break }
            directory = (directory as NSString).deletingLastPathComponent
        }
    }

    /// Reads a report's status, if present and readable.
    public func read(_ key: ReportKey) -> VerdictRecord? {
        guard let path = statusPath(for: key), let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(VerdictRecord.self, from: data)
    }

    /// Writes `summary.json` atomically.
    public func writeSummary(_ summary: Summary) throws {
        try AtomicFile.write(try JSONLine.pretty(summary), to: "\(root)/summary.json")
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
            let drop = String(relative[..<slash])
            let rest = String(relative[relative.index(after: slash)...].dropLast(5))
            let key = ReportKey(drop: drop, relativePath: rest)
            if let record = read(key) { result[key] = record }
        }
        return result
    }
}
