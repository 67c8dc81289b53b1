import Foundation

/// What the uploading clerk learns about one report: the verdict, what to fix,
/// and which file and version it was.
public struct Receipt: Sendable, Hashable {
    /// The receipt's verdict: the engine's three, or the file could not be read.
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        /// 通过: nothing to fix.
        case pass
        /// 有警告: may be published, should be improved.
        case warn
        /// 不通过: must be fixed and uploaded again.
        case fail
        /// The file could not be read at all (unsupported, corrupt, too large).
        case unreadable

        /// 通过 / 有警告 / 不通过 / 无法读取.
        public var chinese: String {
            switch self {
            case .pass: return "通过"
            case .warn: return "有警告"
            case .fail: return "不通过"
            case .unreadable: return "无法读取"
            }
        }
    }

    /// The report's path relative to its drop folder, as uploaded.
    public var file: String
    /// SHA-256 of the judged bytes, lowercase hex.
    public var sha256: String
    /// When the verdict was recorded.
    public var checkedAt: Date
    /// The verdict.
    public var outcome: Outcome
    /// The agency and year the checker read from the report, when found.
    public var agency: String?
    /// The report year the checker read, when found.
    public var year: Int?
    /// What to fix (printed errors first).
    public var findings: [FindingLine]
    /// The zone `checkedAt` is printed in.
    public var clock: DisplayClock

    public init(
        file: String, sha256: String, checkedAt: Date, outcome: Outcome, agency: String? = nil, year: Int? = nil,
        findings: [FindingLine], clock: DisplayClock = .chinaStandardTime
    ) {
        self.file = file
        self.sha256 = sha256
        self.checkedAt = checkedAt
        self.outcome = outcome
        self.agency = agency
        self.year = year
        self.findings = findings
        self.clock = clock
    }
}
