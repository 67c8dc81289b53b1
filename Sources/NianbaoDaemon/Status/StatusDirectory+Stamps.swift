import Foundation

extension StatusDirectory {
    /// What start-up's reconciliation compares: a status file's content hash and time.
    public struct Stamp: Sendable, Hashable, Decodable {
        public var sha256: String
        public var time: String?
        var drop: String?
        var relativePath: String?

        enum CodingKeys: String, CodingKey {
            case sha256, time, drop, relativePath = "relative_path"
        }
    }

    /// Every status file's stamp, keyed by report as ``allRecords()`` keys them, without
    /// decoding findings or tables: memory stays a few hundred bytes per report.
    public func allStamps() -> [ReportKey: Stamp] {
        var result: [ReportKey: Stamp] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
        let decoder = JSONDecoder()
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".json"), relative != "summary.json", let slash = relative.firstIndex(of: "/") else { continue }
            guard let data = FileManager.default.contents(atPath: "\(root)/\(relative)"),
                  let stamp = try? decoder.decode(Stamp.self, from: data) else { continue }
            let drop = stamp.drop ?? String(relative[..<slash])
            let rest = stamp.relativePath ?? String(relative[relative.index(after: slash)...].dropLast(5))
            result[ReportKey(drop: drop, relativePath: rest)] = stamp
        }
        return result
    }
}
