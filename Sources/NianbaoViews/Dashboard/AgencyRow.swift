import Foundation

/// An agency's standing: the verdict on its report, or no report yet.
public enum AgencyStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The report passes.
    case pass
    /// The report has warnings only.
    case warn
    /// The report has errors.
    case fail
    /// The report could not be read (refused format, unreadable file).
    case refused
    /// On the roster, but no report has arrived (未报).
    case missing

    /// 通过 / 有警告 / 不通过 / 无法读取 / 未报.
    public var chinese: String {
        switch self {
        case .pass: return "通过"
        case .warn: return "有警告"
        case .fail: return "不通过"
        case .refused: return "无法读取"
        case .missing: return "未报"
        }
    }
}

/// One row of the agency table.
public struct AgencyRow: Sendable, Hashable {
    /// The agency's name (from the roster or the report), or nil when unknown.
    public var agency: String?
    /// The agency's level, when known (from the roster).
    public var level: DisplayLevel?
    /// The report year, when known.
    public var year: Int?
    /// The verdict on its report, or 未报.
    public var status: AgencyStatus
    /// The report's path relative to its drop folder; nil when missing.
    public var file: String?
    /// The drop folder's name; nil when missing.
    public var drop: String?
    /// When the report arrived; nil when missing.
    public var arrivedAt: Date?
    /// Whether it arrived after its level's deadline.
    public var late: Bool
    /// The report's findings (shown errors first).
    public var findings: [FindingLine]

    public init(
        agency: String?, level: DisplayLevel?, year: Int? = nil, status: AgencyStatus, file: String? = nil,
        drop: String? = nil, arrivedAt: Date? = nil, late: Bool = false, findings: [FindingLine] = []
    ) {
        self.agency = agency
        self.level = level
        self.year = year
        self.status = status
        self.file = file
        self.drop = drop
        self.arrivedAt = arrivedAt
        self.late = late
        self.findings = findings
    }
}
