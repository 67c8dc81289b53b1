/// How much a finding matters.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The report must not be published as it is: verdict fail.
    case error
    /// The report should be fixed: verdict warn.
    case warning
    /// Worth knowing, never blocking.
    case info

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .info: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One problem found in a report: a stable code, a Chinese message naming the
/// cell or line and what was expected, and where it is.
public struct Finding: Sendable, Hashable, Codable {
    public var code: RuleCode
    public var severity: Severity
    /// Chinese, e.g. "表二 （七）总计 · 自然人：应为 3，实为 0".
    public var message: String
    /// Location in the document's own terms ("第 245 行", "表 2 第 5 行"), if any.
    public var location: String?

    /// A finding with the severity its rule defines.
    public init(_ code: RuleCode, _ message: String, at location: String? = nil) {
        self.code = code
        self.severity = code.severity
        self.message = message
        self.location = location
    }
}

/// The overall judgement on a report.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    case pass
    case warn
    case fail

    /// fail if any error, else warn if any warning, else pass.
    public init(findings: [Finding]) {
        if findings.contains(where: { $0.severity == .error }) {
            self = .fail
        } else if findings.contains(where: { $0.severity == .warning }) {
            self = .warn
        } else {
            self = .pass
        }
    }
}
