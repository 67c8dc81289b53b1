import NianbaoEngine

/// The administrative level of a reporting agency, which decides its deadline
/// (条例第四十九条 and the template, see the domain reference).
public enum DisplayLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// A county-level-or-above government department (部门).
    case department
    /// A township or street office (乡镇).
    case township
    /// A county or district government (县区政府), for its summary report.
    case county
    /// A prefecture-level city government (地市政府).
    case prefecture
    /// A provincial government or vertically managed system (省级).
    case province

    /// 部门 / 乡镇 / 县区政府 / 地市政府 / 省级.
    public var chinese: String {
        switch self {
        case .department: return "部门"
        case .township: return "乡镇"
        case .county: return "县区政府"
        case .prefecture: return "地市政府"
        case .province: return "省级"
        }
    }

    /// The engine's deadline class of this level (a township is due with the departments).
    public var agencyLevel: AgencyLevel {
        switch self {
        case .department, .township: return .department
        case .county: return .county
        case .prefecture: return .prefecture
        case .province: return .province
        }
    }

    /// The publication deadline for a report year, the engine's
    /// `AgencyLevel.deadline(forReportYear:)`: 1月31日 for departments and
    /// townships, 2月20日 for counties, 3月10日 for prefectures, 3月31日 for
    /// provinces, all of the following year.
    public func deadline(reportYear year: Int) -> CivilDate {
        agencyLevel.deadline(forReportYear: year)
    }
}
