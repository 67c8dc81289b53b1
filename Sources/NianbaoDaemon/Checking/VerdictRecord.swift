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

    /// The fields, in one immutable box: a record is one word wide, so the daemon's
    /// dictionary of current verdicts (copied when the derived outputs take a snapshot
    /// while verdicts keep arriving), its inbox and its effect lists stay small.
    /// Setting a field copies the box (copy on write).
    private var box: Box

    final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    struct Fields: Sendable, Hashable, Decodable {
        var path: String
        var sha256: String
        var format: String
        var encoding: String?
        var template: String?
        var agency: String?
        var year: Int?
        var published: String?
        var verdict: Verdict
        var findings: [FindingRecord]
        var tables: TablesRecord? = nil
        var time: String? = nil
        var drop: String? = nil
        var relativePath: String? = nil
        var event: Event? = nil

        typealias CodingKeys = VerdictRecord.CodingKeys
    }

    public var path: String { get { box.fields.path } set { self[\.path] = newValue } }
    public var sha256: String { get { box.fields.sha256 } set { self[\.sha256] = newValue } }
    public var format: String { get { box.fields.format } set { self[\.format] = newValue } }
    public var encoding: String? { get { box.fields.encoding } set { self[\.encoding] = newValue } }
    public var template: String? { get { box.fields.template } set { self[\.template] = newValue } }
    public var agency: String? { get { box.fields.agency } set { self[\.agency] = newValue } }
    public var year: Int? { get { box.fields.year } set { self[\.year] = newValue } }
    public var published: String? { get { box.fields.published } set { self[\.published] = newValue } }
    public var verdict: Verdict { get { box.fields.verdict } set { self[\.verdict] = newValue } }
    public var findings: [FindingRecord] { get { box.fields.findings } set { self[\.findings] = newValue } }
    /// The report's parsed table values (JSON key `tables`), when it was read; absent for
    /// a file that could not be read. Written by `check --json`, the journal and status files.
    public var tables: TablesRecord? { get { box.fields.tables } set { self[\.tables] = newValue } }
    /// Journal and status fields (absent from `check --json`).
    public var time: String? { get { box.fields.time } set { self[\.time] = newValue } }
    public var drop: String? { get { box.fields.drop } set { self[\.drop] = newValue } }
    public var relativePath: String? { get { box.fields.relativePath } set { self[\.relativePath] = newValue } }
    public var event: Event? { get { box.fields.event } set { self[\.event] = newValue } }

    /// Sets one field in a new box (copy on write).
    private subscript<T>(field: WritableKeyPath<Fields, T>) -> T {
        get { box.fields[keyPath: field] }
        set {
            var fields = box.fields
            fields[keyPath: field] = newValue
            box = Box(fields)
        }
    }

    enum CodingKeys: String, CodingKey {
        case path, sha256, format, encoding, template, agency, year, published, verdict, findings, tables
        case time, drop, relativePath = "relative_path", event
    }

    public init(
        path: String, sha256: String, format: String, encoding: String?, template: String?, agency: String?,
        year: Int?, published: String?, verdict: Verdict, findings: [FindingRecord], tables: TablesRecord? = nil
    ) {
        box = Box(Fields(
            path: path, sha256: sha256, format: format, encoding: encoding, template: template, agency: agency,
            year: year, published: published, verdict: verdict, findings: findings, tables: tables))
    }

    public init(from decoder: any Decoder) throws {
        box = Box(try Fields(from: decoder))
    }

    public static func == (lhs: VerdictRecord, rhs: VerdictRecord) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        box.fields.hash(into: &hasher)
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
