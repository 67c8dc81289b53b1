import Foundation
import NianbaoDaemon

/// A temporary drop folder, status directory and verdict journal for one test.
final class Workspace {
    let root: String
    var drop: String { root + "/drop" }
    var status: String { root + "/state/status" }
    var journal: String { root + "/state/verdicts.jsonl" }

    init() throws {
        root = FileManager.default.temporaryDirectory.path + "/nianbao-test-" + UUID().uuidString.prefix(12)
        try FileManager.default.createDirectory(atPath: drop, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Every journal line, parsed; a line that does not parse is recorded as nil.
    func journalRecords() -> [VerdictRecord?] {
        guard let data = FileManager.default.contents(atPath: journal) else { return [] }
        return data.split(separator: 0x0A).map { try? JSONDecoder().decode(VerdictRecord.self, from: Data($0)) }
    }

    /// Journal records (new/changed) per relative path.
    func verdictCounts() -> [String: Int] {
        var counts: [String: Int] = [:]
        for case let record? in journalRecords() where record.event != .removed {
            counts[record.relativePath ?? "?", default: 0] += 1
        }
        return counts
    }

    /// Waits until every path in `paths` has at least one verdict.
    func waitForVerdicts(_ paths: [String], timeout: Double = 60) -> Bool {
        Wait.until(timeout: timeout, interval: 0.1) {
            let counts = self.verdictCounts()
            return paths.allSatisfy { counts[$0, default: 0] > 0 }
        }
    }

    /// Writes a file into the drop folder (creating subfolders).
    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let path = drop + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}

/// The text samples under Tests/Fixtures.
enum Fixtures {
    static var directory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }

    static func sample(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: directory + "/samples/" + name) ?? Data())
    }

    static var sampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/samples")) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }
}
