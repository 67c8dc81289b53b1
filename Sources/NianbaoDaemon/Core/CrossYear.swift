import NianbaoEngine
import NianbaoOffice

/// An agency's report of one year, as the cross-year checks look it up.
public struct AgencyYear: Sendable, Hashable {
    /// The agency's name as matched across years (``AgencyName/bareKey(_:)``).
    public var agency: String
    public var year: Int

    public init?(_ record: VerdictRecord) {
        guard let agency = record.agency, !agency.isEmpty, let year = record.year else { return nil }
        self.agency = AgencyName.bareKey(agency)
        self.year = year
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
}

extension VerdictRecord {
    static let crossYearPrefix = "cross_year."

    /// The record with its cross-year findings replaced and its verdict recomputed.
    func replacingCrossYear(_ findings: [VerdictRecord.FindingRecord]) -> VerdictRecord {
        var record = self
        record.findings = self.findings.filter { !$0.code.hasPrefix(Self.crossYearPrefix) } + findings
        let severities = Set(record.findings.map(\.severity))
        record.verdict = severities.contains(Severity.error.rawValue) ? .fail
            : severities.contains(Severity.warning.rawValue) ? .warn : .pass
        return record
    }

    /// Its cross-year findings.
    var crossYearFindings: [VerdictRecord.FindingRecord] {
        findings.filter { $0.code.hasPrefix(Self.crossYearPrefix) }
    }
}
