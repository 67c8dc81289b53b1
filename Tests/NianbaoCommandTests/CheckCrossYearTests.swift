import Foundation
import Testing
import NianbaoTestSupport

/// `nianbao check A B`: the cross-year comparisons among the files given, in either order,
/// with the daemon's codes and messages.
@Suite("Command: nianbao check compares the years it is given", .offPool)
struct CheckCrossYearTests {
    private func check(_ arguments: [String]) throws -> (status: Int32, records: [String: [String: Any]]) {
        let result = try Subprocess.run([Binaries.directory + "/nianbao", "check", "--json"] + arguments)
        var records: [String: [String: Any]] = [:]
        for line in result.output.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let path = object["path"] as? String else { continue }
            records[path] = object
        }
        return (result.status, records)
    }

    private func findings(_ record: [String: Any]?) -> [(code: String, message: String)] {
        ((record?["findings"] as? [[String: Any]]) ?? []).map { ($0["code"] as? String ?? "", $0["message"] as? String ?? "") }
    }

    @Test func aPairIsComparedWhicheverOrderItIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/nianbao-pair-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let last = folder + "/2023.txt", this = folder + "/2024.txt"
        try Data(Fixtures.sample("huaian_hongze_2023.txt")).write(to: URL(fileURLWithPath: last))
        let text = String(decoding: Fixtures.sample("huaian_hongze_2024.txt"), as: UTF8.self)
        try #require(text.contains("行政规范性文件 3 0 8"))
        try Data(text.replacing("行政规范性文件 3 0 8", with: "行政规范性文件 3 0 10").utf8).write(to: URL(fileURLWithPath: this))

        let forward = try check([last, this])
        let backward = try check([this, last])
        let expected = "表一 行政规范性文件 · 现行有效件数：本年《\(this)》为 10，应为上年《\(last)》现行有效件数 5 + 本年制发件数 3 − 本年废止件数 0 = 8"
        for run in [forward, backward] {
            let mine = findings(run.records[this])
            #expect(mine.contains { $0.code == "cross_year.in_force" && $0.message == expected }, "\(mine)")
            #expect(!findings(run.records[last]).contains { $0.code.hasPrefix("cross_year.") }, "last year's report gets nothing")
        }
        #expect(findings(forward.records[this]).map(\.code) == findings(backward.records[this]).map(\.code))

        // Alone, neither file is compared with anything.
        let alone = try check([this])
        #expect(!findings(alone.records[this]).contains { $0.code.hasPrefix("cross_year.") })
    }

    @Test func theRealPairStaysConsistent() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/nianbao-real-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for year in [2023, 2024] {
            try Data(Fixtures.sample("huaian_hongze_\(year).txt")).write(to: URL(fileURLWithPath: folder + "/\(year).txt"))
            try Data(Fixtures.bytes("real-pdfs/huaian_hongze_\(year).pdf")).write(to: URL(fileURLWithPath: folder + "/\(year).pdf"))
        }
        let run = try check([folder])
        #expect(run.records.count == 4)
        for (path, record) in run.records {
            // 表二 上年结转 0 = 结转下年度 0; 表一 行政规范性文件 5 + 3 − 0 = 8; section 五 rewritten;
            // applications 21 → 95 (4.5×); section 五 specific; no blank cell.
            let codes = findings(record).map(\.code)
            #expect(!codes.contains { $0.hasPrefix("cross_year.") || $0.hasPrefix("anomaly.") }, "\(path): \(codes)")
            #expect(!codes.contains("section5.generic") && !codes.contains("table.cell_blank"), "\(path): \(codes)")
        }
    }
}
