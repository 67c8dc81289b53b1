import Foundation
import NianbaoDaemon
import NianbaoEngine
import NianbaoOffice
import NianbaoPlatform
import NianbaoTestSupport
import Testing

/// A status directory written the way the daemon writes it (one pretty JSON record per
/// report under `<status>/<drop>/<relative path>.json`), and a roster file, for the
/// office commands (`status --year`, `export`, `remind`).
final class OfficeStatusFixture {
    let workspace: Workspace
    var status: String { workspace.status }
    var root: String { workspace.root }

    init() throws {
        workspace = try Workspace()
        try FileManager.default.createDirectory(atPath: workspace.status, withIntermediateDirectories: true)
    }

    /// Writes `record` as the status file of `drop/relative`, with the journal fields set.
    @discardableResult
    func add(_ record: VerdictRecord, drop: String = "drop", _ relative: String, time: String) throws -> VerdictRecord {
        var record = record
        record.drop = drop
        record.relativePath = relative
        record.path = workspace.root + "/" + drop + "/" + relative
        record.time = time
        record.event = .new
        let path = try #require(StatusDirectory(root: status).statusPath(for: ReportKey(drop: drop, relativePath: relative)))
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try SafeTreeWriter.replaceFile(at: path, with: try JSONLine.pretty(record))
        return record
    }

    /// A record with only the fields the year's bookkeeping reads.
    func add(agency: String?, year: Int?, verdict: Verdict, drop: String = "drop", _ relative: String, time: String) throws {
        let record = VerdictRecord(path: relative, sha256: "00", format: "pdf", encoding: nil, template: "2021", agency: agency,
                                   year: year, published: nil, verdict: verdict, findings: [])
        try add(record, drop: drop, relative, time: time)
    }

    /// A real fixture (path under Tests/Fixtures) checked by the real checker, then stored.
    @discardableResult
    func addChecked(_ fixture: String, drop: String = "drop", as relative: String, time: String) throws -> VerdictRecord {
        let bytes = try Fixtures.bytes(fixture)
        let record = ReportChecker(pdfReader: nil).check(bytes: bytes, path: relative)
        return try add(record, drop: drop, relative, time: time)
    }

    /// Writes a roster file and returns its path.
    func roster(_ csv: String, name: String = "roster.csv") throws -> String {
        let path = workspace.root + "/" + name
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// `nianbao ARGS` run to completion: exit status, standard output and error.
struct NianbaoRun {
    var status: Int32
    var stdout: String
    var stderr: String
    var data: Data

    /// Runs the built binary (or `executable`) with `environment` added (NIANBAO_LOG and JOURNAL_STREAM removed).
    static func run(_ arguments: [String], executable: String = Binaries.nianbao, environment: [String: String] = [:]) throws -> NianbaoRun {
        let result = try Subprocess.run([executable] + arguments, environment: environment, removing: ["NIANBAO_LOG", "JOURNAL_STREAM"])
        return NianbaoRun(status: result.status, stdout: result.output, stderr: result.stderr, data: result.stdout)
    }

    /// Standard output as a JSON object.
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "not a JSON object: \(stdout) \(stderr)")
    }
}

/// The office of 淮安 in the 2024 reporting year: six expected agencies (four
/// departments due 2025-01-31, two county governments due 2025-02-20) and the reports
/// that reach its status directory up to a given day.
enum OfficeYear {
    static let roster = """
    name,level,folder,aliases
    淮安市教育局,部门,,
    淮安市公安局,部门,,
    淮安市民政局,部门,,
    淮安市司法局,部门,,
    淮安市洪泽区人民政府,县区政府,hongze,洪泽区政府
    金湖县人民政府,县区政府,jinhu,

    """

    /// (agency as the report writes it, year, verdict, drop, file, arrival).
    static let reports: [(String?, Int?, Verdict, String, String, String)] = [
        ("淮安市教育局", 2024, .pass, "drop", "jiaoyu.pdf", "2025-01-20T02:00:00.000Z"),
        ("淮安市公安局", 2024, .fail, "drop", "gongan.pdf", "2025-01-22T02:00:00.000Z"),
        // Late: 2025-02-03 in Beijing.
        ("市司法局", 2024, .pass, "drop", "sifa.pdf", "2025-02-03T01:00:00.000Z"),
        ("洪泽区人民政府", 2024, .warn, "drop", "hongze/2024.pdf", "2025-02-10T01:00:00.000Z"),
        // Another city: fits no entry.
        ("宿迁市商务局", 2024, .pass, "inbox", "suqian.pdf", "2025-01-16T01:00:00.000Z"),
        // Another year: not this year's business.
        ("淮安市民政局", 2023, .pass, "drop", "2023/minzheng.pdf", "2024-01-20T01:00:00.000Z"),
    ]

    /// A status directory holding the reports that arrived before `day` (YYYY-MM-DD, UTC).
    static func fixture(before day: String) throws -> (OfficeStatusFixture, roster: String) {
        let fixture = try OfficeStatusFixture()
        for (agency, year, verdict, drop, file, time) in reports where time < day {
            try fixture.add(agency: agency, year: year, verdict: verdict, drop: drop, file, time: time)
        }
        return (fixture, try fixture.roster(roster))
    }
}
