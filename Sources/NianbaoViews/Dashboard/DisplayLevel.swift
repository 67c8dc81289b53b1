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

    /// The publication deadline for a report year: 1月31日 for departments and
    /// townships, 2月20日 for counties, 3月10日 for prefectures, 3月31日 for
    /// provinces, all of the following year.
    public func deadline(reportYear year: Int) -> CivilDate {
        switch self {
        case .department, .township: return CivilDate(year: year + 1, month: 1, day: 31)
        case .county: return CivilDate(year: year + 1, month: 2, day: 20)
        case .prefecture: return CivilDate(year: year + 1, month: 3, day: 10)
        case .province: return CivilDate(year: year + 1, month: 3, day: 31)
        }
    }
}
