import Foundation

extension StatusDirectory {
    /// What start-up's reconciliation compares: a status file's content hash, time and
    /// journal sequence number.
    public struct Stamp: Sendable, Hashable, Decodable {
        public var sha256: String
        public var time: String?
        public var seq: Int?
        var drop: String?
        var relativePath: String?

        enum CodingKeys: String, CodingKey {
            case sha256, time, seq, drop, relativePath = "relative_path"
        }
    }

    /// A status file found below the root, with its stamp.
    struct StampedFile {
        /// The path below the root, `/`-separated.
        var path: String
        /// The report its record names.
        var key: ReportKey
        var stamp: Stamp
    }

    /// Every status file's stamp, keyed by report as ``allRecords()`` keys them, without
    /// decoding findings or tables: memory stays a few hundred bytes per report.
    public func allStamps() -> [ReportKey: Stamp] {
        var result: [ReportKey: Stamp] = [:]
        for file in stampedFiles() { result[file.key] = file.stamp }
        return result
    }

    /// Every status file below the root with its stamp, wherever it lies (an older layout's included).
    func stampedFiles() -> [StampedFile] {
        var result: [StampedFile] = []
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
        let decoder = JSONDecoder()
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".json"), relative != "summary.json", let slash = relative.firstIndex(of: "/") else { continue }
            guard let data = FileManager.default.contents(atPath: "\(root)/\(relative)"),
                  let stamp = try? decoder.decode(Stamp.self, from: data) else { continue }
            // The key as the record names it (a shortened file name keeps the full path inside).
            let drop = stamp.drop ?? String(relative[..<slash])
            let rest = stamp.relativePath ?? String(relative[relative.index(after: slash)...].dropLast(5))
            result.append(StampedFile(path: relative, key: ReportKey(drop: drop, relativePath: rest), stamp: stamp))
        }
        return result
    }

    /// The record of the status file at `path` (below the root), if it decodes.
    func record(at path: String) -> VerdictRecord? {
        guard let data = FileManager.default.contents(atPath: "\(root)/\(path)") else { return nil }
        return try? JSONDecoder().decode(VerdictRecord.self, from: data)
    }
}
