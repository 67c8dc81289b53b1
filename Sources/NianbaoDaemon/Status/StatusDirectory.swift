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
    ///
    /// A name too long to take ".json" and the atomic write's temporary suffix
    /// within NAME_MAX (255 bytes) is shortened to a prefix plus a stable hash of
    /// the whole name ("…~1f2e3d4c5b6a7988.json"); the record inside keeps the
    /// full relative path, which is what `allRecords` reads keys from.
    public func statusPath(for key: ReportKey) -> String? {
        let components = key.relativePath.components.map(\.string)
        guard key.relativePath.isRelative, let last = components.last, DropFolder.isValidName(key.drop),
              components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") }) else { return nil }
        let directory = components.dropLast().map { "/" + $0 }.joined()
        return "\(root)/\(key.drop)\(directory)/\(Self.fileName(String(last)))"
    }

    /// Longest status file name, in bytes: NAME_MAX less the temporary suffix of an atomic write.
    static let maxFileNameBytes = 200

    static func fileName(_ name: String) -> String {
        guard name.utf8.count + 5 > maxFileNameBytes else { return name + ".json" }
        let hash = String(ContentHash.sha256(Array(name.utf8)).prefix(16))
        var prefix = ""
        for character in name {
            guard prefix.utf8.count + String(character).utf8.count + 1 + hash.count + 5 <= maxFileNameBytes else { break }
            prefix.append(character)
        }
        return prefix + "~" + hash + ".json"
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
