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
        /// Set when the office reviewed and accepted the finding (``ReviewMarks``): it
        /// is still shown, marked 已核实, but no longer counts towards the verdict.
        /// JSON key `settled`, absent otherwise (so earlier readers see the record as before).
        public var settled: Settlement?

        public init(_ finding: Finding) {
            code = finding.code.rawValue
            severity = finding.severity.rawValue
            message = finding.message
            location = finding.location
        }

        public init(code: String, severity: String, message: String, location: String?, settled: Settlement? = nil) {
            self.code = code
            self.severity = severity
            self.message = message
            self.location = location
            self.settled = settled
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(code, forKey: .code)
            try c.encode(severity, forKey: .severity)
            try c.encode(message, forKey: .message)
            try c.encode(location, forKey: .location)
            try c.encodeIfPresent(settled, forKey: .settled)
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
        var seq: Int? = nil
        var arrival: String? = nil
        var arrivalSeq: Int? = nil
        var retry: Int? = nil

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
    /// The journal line's sequence number (JSON `seq`): strictly increasing in the
    /// order the daemon decided the lines, whatever the wall clock says.
    public var seq: Int? { get { box.fields.seq } set { self[\.seq] = newValue } }
    /// When this content first arrived for its agency, from any path or drop folder
    /// (ISO 8601, JSON `arrival`; ``ArrivalBook``): kept across renames, moves between
    /// drop folders, reloads and restarts. Absent in lines written by versions before
    /// it; `time` stands in then.
    public var arrival: String? { get { box.fields.arrival } set { self[\.arrival] = newValue } }
    /// The sequence number at which this content first arrived (JSON `arrival_seq`):
    /// which of an agency's uploads is the latest.
    public var arrivalSeq: Int? { get { box.fields.arrivalSeq } set { self[\.arrivalSeq] = newValue } }
    /// Present when the verdict came from a failure of the host (temporary space, a
    /// converter that crashed or timed out under load, ENOMEM, EMFILE), not of the
    /// document: how many such attempts were made; the report is judged again.
    public var retry: Int? { get { box.fields.retry } set { self[\.retry] = newValue } }

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
        case seq, arrival, arrivalSeq = "arrival_seq", retry
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
        try c.encodeIfPresent(seq, forKey: .seq)
        try c.encodeIfPresent(arrival, forKey: .arrival)
        try c.encodeIfPresent(arrivalSeq, forKey: .arrivalSeq)
        try c.encodeIfPresent(retry, forKey: .retry)
    }
}
