import NianbaoEngine
import NianbaoOffice

/// An agency's report of one year, as the cross-year checks look it up.
public struct AgencyYear: Sendable, Hashable {
    /// The agency's name as matched across years (``key(_:)``).
    public var agency: String
    public var year: Int

    public init?(_ record: VerdictRecord) {
        guard let agency = record.agency, !agency.isEmpty, let year = record.year else { return nil }
        self.agency = Self.key(agency)
        self.year = year
    }

    /// Units whose name may lead an agency's name in one year's title and not the next
    /// ("淮安市洪泽区人民政府" in 2024, "洪泽区人民政府" in 2023).
    static let leadingUnits: [String] = ["自治区", "省", "市", "自治州", "州", "盟", "地区"]

    /// ``AgencyName/bareKey(_:)`` without leading province, city or prefecture names:
    /// "淮安市洪泽区人民政府" and "洪泽区人民政府" share the key 洪泽区. A name that is
    /// only such a unit keeps it ("淮安市人民政府" → 淮安市).
    public static func key(_ name: String) -> String {
        var key = Substring(AgencyName.bareKey(name))
        while true {
            var cut: Substring.Index?
            for unit in leadingUnits {
                if let range = key.range(of: unit), range.lowerBound > key.startIndex,
                   key.distance(from: key.startIndex, to: range.lowerBound) <= 6, key.distance(from: range.upperBound, to: key.endIndex) >= 2 {
                    cut = min(cut ?? range.upperBound, range.upperBound)
                }
            }
            guard let cut else { return String(key) }
            key = key[cut...]
        }
    }

    init(agency: String, year: Int) {
        self.agency = agency
        self.year = year
    }
}

/// A judged report another report is compared with.
public struct Counterpart: Sendable, Hashable {
    public var key: ReportKey
    /// Its drop folder's absolute path.
    public var root: String
    /// The content its current verdict was made from (a changed file is not compared).
    public var sha256: String
}

/// A new verdict waiting for its cross-year comparison with the same agency's
/// reports of the year before and the year after, judged earlier.
public struct CrossCheck: Sendable, Hashable {
    public var key: ReportKey
    public var root: String
    public var record: VerdictRecord
    public var report: Report
    public var previous: Counterpart?
    public var next: Counterpart?
}

/// Cross-year findings for a report judged earlier, found when its neighbour arrived.
public struct CrossYearUpdate: Sendable, Hashable {
    public var counterpart: Counterpart
    public var findings: [VerdictRecord.FindingRecord]
    /// Its table values, parsed again (the state keeps verdicts without them).
    public var tables: TablesRecord?
}

extension VerdictRecord {
    /// The record with its cross-year findings replaced and its verdict recomputed.
    func replacingCrossYear(_ findings: [VerdictRecord.FindingRecord]) -> VerdictRecord {
        var record = self
        record.findings = self.findings.filter { !CrossYearCheck.isComparison($0.code) } + findings
        let severities = Set(record.findings.map(\.severity))
        record.verdict = severities.contains(Severity.error.rawValue) ? .fail
            : severities.contains(Severity.warning.rawValue) ? .warn : .pass
        return record
    }

    /// The record without its table values: what the state keeps in memory for
    /// every report (the journal line and the status file carry them).
    var withoutTables: VerdictRecord {
        var record = self
        record.tables = nil
        return record
    }

    /// Its cross-year findings (the comparisons with the agency's other years, anomalies included).
    var crossYearFindings: [VerdictRecord.FindingRecord] {
        findings.filter { CrossYearCheck.isComparison($0.code) }
    }
}
