/// The publication deadline class of an agency, read from its name
/// (条例第四十九条 and 国办公开办函〔2021〕30号 §二).
public enum AgencyLevel: String, Sendable, Hashable, CaseIterable, Codable {
    /// A government department (…局/委/办/厅/中心…, including a 政府办公厅/办公室
    /// publishing its own report) or a 乡镇/街道: 1月31日.
    case department
    /// A county or district government's report: 2月20日.
    case county
    /// A prefecture-level city's (or 自治州, 地区, 盟) government report: 3月10日.
    case prefecture
    /// A province's (省, 自治区, 直辖市) government report, or a vertically managed system: 3月31日.
    case province

    /// The deadline month and day in the year after the report year.
    public var deadline: (month: Int, day: Int) {
        switch self {
        case .department: return (1, 31)
        case .county: return (2, 20)
        case .prefecture: return (3, 10)
        case .province: return (3, 31)
        }
    }

    /// The deadline for the report of `reportYear`: a date in the following year.
    public func deadline(forReportYear reportYear: Int) -> CivilDate {
        CivilDate(year: min(reportYear, Int.max - 1) + 1, month: deadline.month, day: deadline.day)
    }

    /// How the level is named in findings.
    public var name: String {
        switch self {
        case .department: return "政府部门、乡镇"
        case .county: return "县级人民政府"
        case .prefecture: return "地市级人民政府"
        case .province: return "省级人民政府、垂直管理系统"
        }
    }

    private static let verticalSystems = ["税务", "海关", "气象", "烟草", "邮政", "金融监管", "银保监", "证监", "外汇管理", "统计调查", "海事", "铁路", "民航", "消防救援"]
    private static let municipalities = ["北京市", "天津市", "上海市", "重庆市"]
    private static let departmentSuffixes = ["局", "委员会", "委", "办公室", "办公厅", "办", "厅", "中心", "部", "署", "院", "站", "所", "处", "队", "会", "馆", "管理区", "街道办事处"]

    /// The level an agency name implies, or nil when it cannot be told.
    public init?(agency raw: String) {
        let agency = RuleSupport.mayHoldWhitespace(raw) && raw.contains(where: \.isWhitespace) ? raw.filter { !$0.isWhitespace } : raw
        guard !agency.isEmpty else { return nil }
        func ends(_ suffix: String) -> Bool { Utf8Search.hasSuffix(agency, suffix) }
        if Utf8Search.containsAny(agency, AgencyLevel.verticalSystems) { self = .province; return }
        if ends("政府") {
            let name = ends("人民政府") ? String(agency.dropLast(4)) : String(agency.dropLast(2))
            func nameEnds(_ suffix: String) -> Bool { Utf8Search.hasSuffix(name, suffix) }
            if nameEnds("乡") || nameEnds("镇") || nameEnds("街道") { self = .department; return }
            if nameEnds("自治区") || nameEnds("省") { self = .province; return }
            if AgencyLevel.municipalities.contains(name) { self = .province; return }
            if nameEnds("县") || nameEnds("区") || nameEnds("旗") { self = .county; return }
            if nameEnds("市") || nameEnds("州") || nameEnds("盟") { self = .prefecture; return }
            return nil
        }
        if ends("行政公署") { self = .prefecture; return }
        if AgencyLevel.departmentSuffixes.contains(where: ends) { self = .department; return }
        return nil
    }
}
