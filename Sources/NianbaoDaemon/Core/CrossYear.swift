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

    /// The agency's name as matched across years: ``CrossYearCheck/agencyKey(_:)``
    /// ("淮安市洪泽区人民政府" and "洪泽区人民政府" share the key 洪泽区), as `check` pairs them.
    public static func key(_ name: String) -> String {
        CrossYearCheck.agencyKey(name)
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
        record.verdict = Self.verdict(of: record.findings)
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
