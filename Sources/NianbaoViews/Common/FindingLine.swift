import NianbaoEngine

/// One finding as the views show it: a plain value, so a view can be fed from an
/// engine `Finding` or from a stored JSON record alike.
public struct FindingLine: Sendable, Hashable, Codable {
    /// The rule code, e.g. "table2.balance".
    public var code: String
    /// How much it matters.
    public var severity: Severity
    /// Chinese message naming the cell or line and what was expected.
    public var message: String
    /// Where in the document ("表 2 第 5 行", "第 245 行"), if known.
    public var location: String?
    /// The reviewer's reason when the office settled the finding (已核实): it is shown,
    /// but no longer counts towards the verdict; nil when it counts.
    public var settled: String?

    public init(code: String, severity: Severity, message: String, location: String? = nil, settled: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.settled = settled
    }

    /// Whether the finding counts towards the verdict (it is not settled).
    public var counts: Bool { settled == nil }

    /// The line for an engine finding.
    public init(_ finding: Finding) {
        self.init(code: finding.code.rawValue, severity: finding.severity, message: finding.message, location: finding.location)
    }

    /// The findings errors first, then warnings, then notes, settled ones last; the
    /// order within a severity is kept (stable), so findings stay in document order.
    public static func bySeverity(_ findings: [FindingLine]) -> [FindingLine] {
        findings.enumerated()
            .sorted { ($0.element.counts ? 0 : 1, $0.element.severity, $0.offset) < ($1.element.counts ? 0 : 1, $1.element.severity, $1.offset) }
            .map(\.element)
    }
}

extension Severity {
    /// The severity in Chinese: 错误 / 警告 / 提示.
    public var chinese: String {
        switch self {
        case .error: return "错误"
        case .warning: return "警告"
        case .info: return "提示"
        }
    }
}
