
/// One line of the marks file (`state.marksFile`): the office settled a finding of a
/// report after review, or took that back.
///
/// A mark names the finding by the report's agency (matched across years as the
/// cross-year checks match it, so a renamed or moved file keeps its marks) and year,
/// the rule code and a fingerprint of the finding's message. The message names the
/// cell and its values ("表二 （七）总计 · 自然人：应为 3，实为 0") or quotes the text,
/// so a mark survives re-runs, restarts and unrelated edits, but not a change of the
/// cell's value or of the quoted text: the finding then reads differently and counts again.
public struct ReviewMark: Sendable, Hashable, Codable {
    /// What the line does.
    public enum Operation: String, Sendable, Hashable, Codable {
        /// The finding was reviewed and accepted: it no longer counts towards the verdict.
        case settle
        /// The mark is taken back (`nianbao review --remove`).
        case unsettle
    }

    /// Which finding a mark applies to.
    public struct Key: Sendable, Hashable, Comparable {
        /// The agency as matched across years (``AgencyYear/key(_:)``).
        public var agency: String
        public var year: Int
        public var code: String
        public var fingerprint: String

        public static func < (a: Key, b: Key) -> Bool {
            (a.agency, a.year, a.code, a.fingerprint) < (b.agency, b.year, b.code, b.fingerprint)
        }
    }

    public var op: Operation
    /// The agency as the report names it.
    public var agency: String
    public var year: Int
    public var code: String
    /// ``fingerprint(code:message:)`` of the finding.
    public var fingerprint: String
    /// The finding's message and location when it was marked (shown by `review --list`).
    public var message: String
    public var location: String?
    /// The reviewer's reason (empty for `unsettle`).
    public var reason: String
    /// When the line was written (ISO 8601).
    public var time: String
    /// The file named on the command line, and the content it held (for the record only).
    public var file: String?
    public var sha256: String?

    public init(
        op: Operation, agency: String, year: Int, finding: VerdictRecord.FindingRecord, reason: String, time: String,
        file: String? = nil, sha256: String? = nil
    ) {
        self.op = op
        self.agency = agency
        self.year = year
        self.code = finding.code
        self.fingerprint = Self.fingerprint(code: finding.code, message: finding.message)
        self.message = finding.message
        self.location = finding.location
        self.reason = reason
        self.time = time
        self.file = file
        self.sha256 = sha256
    }

    /// The key this line sets or clears.
    public var key: Key {
        Key(agency: AgencyYear.key(agency), year: year, code: code, fingerprint: fingerprint)
    }

    /// The first 16 hex digits of SHA-256 over the code and the message: what the
    /// finding says, without its line number (which moves with unrelated edits).
    public static func fingerprint(code: String, message: String) -> String {
        String(ContentHash.sha256(Array((code + "\u{1F}" + message).utf8)).prefix(16))
    }

    /// The key of a finding of a report by `agency` for `year`.
    public static func key(agency: String, year: Int, finding: VerdictRecord.FindingRecord) -> Key {
        Key(agency: AgencyYear.key(agency), year: year, code: finding.code,
            fingerprint: fingerprint(code: finding.code, message: finding.message))
    }
}
