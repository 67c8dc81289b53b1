import Foundation
import NianbaoDaemon

/// A temporary drop folder, status directory and verdict journal for one test.
public final class Workspace {
    public let root: String
    public var drop: String { root + "/drop" }
    public var status: String { root + "/state/status" }
    public var journal: String { root + "/state/verdicts.jsonl" }

    /// - Parameter short: a short root under /tmp (a notification socket path must fit in sun_path).
    public init() throws {
        root = "/tmp/nb-" + UUID().uuidString.prefix(10).lowercased()
        try FileManager.default.createDirectory(atPath: drop, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Every journal line, parsed; a line that does not parse is recorded as nil.
    public func journalRecords() -> [VerdictRecord?] {
        guard let data = FileManager.default.contents(atPath: journal) else { return [] }
        return data.split(separator: 0x0A).map { try? JSONDecoder().decode(VerdictRecord.self, from: Data($0)) }
    }

    /// Where ``DaemonHarness/quiesce(timeout:)`` puts its sentinel reports.
    public static let sentinelDirectory = "_sentinel"

    /// Journal records (new/changed) per relative path (sentinels left out unless asked for).
    public func verdictCounts(includingSentinels: Bool = false) -> [String: Int] {
        var counts: [String: Int] = [:]
        for case let record? in journalRecords() where record.event != .removed {
            if !includingSentinels, record.relativePath?.hasPrefix(Self.sentinelDirectory + "/") == true { continue }
            counts[record.relativePath ?? "?", default: 0] += 1
        }
        return counts
    }

    /// The status file of a report, decoded.
    public func statusRecord(_ relative: String, drop: String = "drop") -> VerdictRecord? {
        StatusDirectory(root: status).read(ReportKey(drop: drop, relativePath: relative))
    }

    /// Writes a file into the drop folder (creating subfolders).
    public func write(_ relative: String, _ bytes: [UInt8]) throws {
        let path = drop + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Puts a file into the drop folder by rename (judged at once, no settle time).
    public func place(_ relative: String, _ bytes: [UInt8]) throws {
        let staging = root + "/staging"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        let temporary = staging + "/" + UUID().uuidString
        try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        let target = drop + "/" + relative
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard rename(temporary, target) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}

/// Locates the binaries built next to the test bundle: the directory of the running test
/// executable (or of `Bundle.main`), never a directory above the build tree (a stray
/// `/tmp/nianbao` must not stand in for the one just built).
public enum Binaries {
    public static var directory: String {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent().path
        let candidates = [executable, Bundle.main.bundlePath, (Bundle.main.bundlePath as NSString).deletingLastPathComponent]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0 + "/nianbao") } ?? executable
    }

    public static var nianbao: String { directory + "/nianbao" }
}
