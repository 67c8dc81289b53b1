import NianbaoEngine
import NianbaoOffice

/// One verdict as written by `nianbao check --json`, to the verdict journal and to
/// the status directory. Field names are the public JSON interface.
public struct VerdictRecord: Sendable, Hashable, Codable {
    /// What happened to the report, in the verdict journal.
    public enum Event: String, Sendable, Hashable, Codable {
        case new, changed, removed
    }

    /// One finding in JSON form.
    public struct FindingRecord: Sendable, Hashable, Codable {
        public var code: String
        public var severity: String
        public var message: String
        public var location: String?

        public init(_ finding: Finding) {
            code = finding.code.rawValue
            severity = finding.severity.rawValue
            message = finding.message
            location = finding.location
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(code, forKey: .code)
            try c.encode(severity, forKey: .severity)
            try c.encode(message, forKey: .message)
            try c.encode(location, forKey: .location)
        }
    }

    public var path: String
    public var sha256: String
    public var format: String
    public var encoding: String?
    public var template: String?
    public var agency: String?
    public var year: Int?
    public var published: String?
    public var verdict: Verdict
    public var findings: [FindingRecord]
    /// The report's parsed table values (JSON key `tables`), when it was read; absent for
    /// a file that could not be read. Written by `check --json`, the journal and status files.
    public var tables: TablesRecord?
    /// Journal and status fields (absent from `check --json`).
    public var time: String?
    public var drop: String?
    public var relativePath: String?
    public var event: Event?

    enum CodingKeys: String, CodingKey {
        case path, sha256, format, encoding, template, agency, year, published, verdict, findings, tables
        case time, drop, relativePath = "relative_path", event
    }

    public init(
        path: String, sha256: String, format: String, encoding: String?, template: String?, agency: String?,
        year: Int?, published: String?, verdict: Verdict, findings: [FindingRecord], tables: TablesRecord? = nil
    ) {
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.encoding = encoding
        self.template = template
        self.agency = agency
        self.year = year
        self.published = published
        self.verdict = verdict
        self.findings = findings
        self.tables = tables
    }

    /// Number of findings of a severity.
    public func count(_ severity: Severity) -> Int {
        findings.reduce(0) { $0 + ($1.severity == severity.rawValue ? 1 : 0) }
    }

    /// Distinct finding codes, in first-seen order.
    public var codes: [String] {
        var seen = Set<String>()
        return findings.compactMap { seen.insert($0.code).inserted ? $0.code : nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(format, forKey: .format)
        try c.encode(encoding, forKey: .encoding)
        try c.encode(template, forKey: .template)
        try c.encode(agency, forKey: .agency)
        try c.encode(year, forKey: .year)
        try c.encode(published, forKey: .published)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(findings, forKey: .findings)
        try c.encodeIfPresent(tables, forKey: .tables)
        try c.encodeIfPresent(time, forKey: .time)
        try c.encodeIfPresent(drop, forKey: .drop)
        try c.encodeIfPresent(relativePath, forKey: .relativePath)
        try c.encodeIfPresent(event, forKey: .event)
    }
}
