/// 表二 收到和处理政府信息公开申请情况 — the data rows, in template order.
///
/// The 2021 template has 25 data rows; the 2019 template has 23, with
/// （六）其他处理 as the single row `.otherSingle` instead of the three `.other*` rows.
public enum Table2Row: Int, Sendable, Hashable, CaseIterable, Codable {
    case received                 // 一、本年新收
    case carriedOver              // 二、上年结转
    case disclosed                // （一）予以公开
    case partlyDisclosed          // （二）部分公开
    case withheldStateSecret      // （三）1
    case withheldLawForbids       // （三）2
    case withheldThreeSecurities  // （三）3
    case withheldThirdParty       // （三）4
    case withheldInternalAffairs  // （三）5
    case withheldProcess          // （三）6
    case withheldEnforcementFile  // （三）7
    case withheldQuery            // （三）8
    case unavailableNotHeld       // （四）1
    case unavailableNeedsCreation // （四）2
    case unavailableUnclear       // （四）3
    case notProcessedComplaint    // （五）1
    case notProcessedRepeated     // （五）2
    case notProcessedPublication  // （五）3
    case notProcessedExcessive    // （五）4
    case notProcessedConfirmation // （五）5
    case otherOverdueCorrection   // （六）1 (2021)
    case otherUnpaidFee           // （六）2 (2021)
    case otherOther               // （六）3 (2021)
    case otherSingle              // （六）其他处理 as one row (2019)
    case total                    // （七）总计
    case carriedForward           // 四、结转下年度继续办理

    /// The rows of a template, in order.
    public static func rows(for template: Template) -> [Table2Row] {
        switch template {
        case .t2019: return allCases.filter { ![.otherOverdueCorrection, .otherUnpaidFee, .otherOther].contains($0) }
        case .t2021: return allCases.filter { $0 != .otherSingle }
        }
    }

    /// The rows that add up to （七）总计 in a template.
    public static func resultRows(for template: Template) -> [Table2Row] {
        rows(for: template).filter { ![.received, .carriedOver, .total, .carriedForward].contains($0) }
    }

    /// The label used in findings, e.g. "（三）4.保护第三方合法权益" or "一、本年新收政府信息公开申请数量".
    public var label: String {
        switch self {
        case .received: return "一、本年新收政府信息公开申请数量"
        case .carriedOver: return "二、上年结转政府信息公开申请数量"
        case .disclosed: return "（一）予以公开"
        case .partlyDisclosed: return "（二）部分公开"
        case .withheldStateSecret: return "（三）1.属于国家秘密"
        case .withheldLawForbids: return "（三）2.其他法律行政法规禁止公开"
        case .withheldThreeSecurities: return "（三）3.危及“三安全一稳定”"
        case .withheldThirdParty: return "（三）4.保护第三方合法权益"
        case .withheldInternalAffairs: return "（三）5.属于三类内部事务信息"
        case .withheldProcess: return "（三）6.属于四类过程性信息"
        case .withheldEnforcementFile: return "（三）7.属于行政执法案卷"
        case .withheldQuery: return "（三）8.属于行政查询事项"
        case .unavailableNotHeld: return "（四）1.本机关不掌握相关政府信息"
        case .unavailableNeedsCreation: return "（四）2.没有现成信息需要另行制作"
        case .unavailableUnclear: return "（四）3.补正后申请内容仍不明确"
        case .notProcessedComplaint: return "（五）1.信访举报投诉类申请"
        case .notProcessedRepeated: return "（五）2.重复申请"
        case .notProcessedPublication: return "（五）3.要求提供公开出版物"
        case .notProcessedExcessive: return "（五）4.无正当理由大量反复申请"
        case .notProcessedConfirmation: return "（五）5.要求行政机关确认或重新出具已获取信息"
        case .otherOverdueCorrection: return "（六）1.申请人无正当理由逾期不补正"
        case .otherUnpaidFee: return "（六）2.申请人逾期未按收费通知要求缴纳费用"
        case .otherOther: return "（六）3.其他"
        case .otherSingle: return "（六）其他处理"
        case .total: return "（七）总计"
        case .carriedForward: return "四、结转下年度继续办理"
        }
    }
}

/// 表二's seven columns: who applied.
public enum Applicant: Int, Sendable, Hashable, CaseIterable, Codable {
    case naturalPerson
    case commercial
    case research
    case publicInterest
    case legalService
    case otherOrganisation
    case total

    /// The six applicant columns that add up to 总计.
    public static let parts: [Applicant] = [.naturalPerson, .commercial, .research, .publicInterest, .legalService, .otherOrganisation]

    /// The label used in findings.
    public var label: String {
        switch self {
        case .naturalPerson: return "自然人"
        case .commercial: return "商业企业"
        case .research: return "科研机构"
        case .publicInterest: return "社会公益组织"
        case .legalService: return "法律服务机构"
        case .otherOrganisation: return "其他"
        case .total: return "总计"
        }
    }
}

/// 表二 as read: each present row holds exactly seven cells (one per `Applicant`).
public struct Table2: Sendable, Hashable {
    /// Rows found, keyed by row; each value has `Applicant.allCases.count` cells.
    public var rows: [Table2Row: [Cell]]
    /// Index into `SourceDocument.lines` of each row's label.
    public var rowLines: [Table2Row: Int]
    /// Index of the line where the table starts.
    public var startLine: Int

    public init(rows: [Table2Row: [Cell]] = [:], rowLines: [Table2Row: Int] = [:], startLine: Int) {
        self.rows = rows
        self.rowLines = rowLines
        self.startLine = startLine
    }

    /// The cell at a row and column, if present.
    public subscript(row: Table2Row, column: Applicant) -> Cell? {
        guard let cells = rows[row], cells.count > column.rawValue else { return nil }
        return cells[column.rawValue]
    }

    /// Whether 其他处理 is printed as one row (2019 shape) rather than three (2021 shape).
    public var hasSingleOtherRow: Bool { rows[.otherSingle] != nil }
}
