import NianbaoEngine

/// The findings that keep a report's tables out of the 汇总.
///
/// Every error whose code starts with `table` (`table.missing`, `table.unreadable`,
/// `table.row_missing`, `table.cell_missing`, `table.cell_not_number`, `table.cell_blank`,
/// `table.negative_count`, `table2.row_sum`, `table2.result_total`, `table2.balance`,
/// `table3.group_total`) and `template.outdated` (2019 tables in a later year: their rows
/// do not line up with the others'). `table.extra_columns_ignored` is information, not an
/// error, and does not exclude. A blank cell (`table.cell_blank`, a warning) excludes too: the
/// engine counts it as 0 for its own arithmetic, but the office must not publish a guessed 0.
public enum TableErrorCodes {
    /// The excluding codes, in `RuleCode` order.
    public static let all: [RuleCode] = RuleCode.allCases.filter {
        ($0.severity == .error && ($0.rawValue.hasPrefix("table") || $0 == .templateOutdated)) || $0 == .cellBlank
    }

    /// The excluding codes among `codes` (raw values), each once, in `RuleCode` order.
    public static func among(_ codes: [String]) -> [RuleCode] {
        let present = Set(codes)
        return all.filter { present.contains($0.rawValue) }
    }

    /// A short Chinese name for an excluding code.
    public static func chineseName(_ code: RuleCode) -> String {
        switch code {
        case .tableMissing: return "缺少表格"
        case .tableUnreadable: return "表格无法读取"
        case .rowMissing: return "表格缺行"
        case .cellMissing: return "表格缺少单元格"
        case .cellNotNumber: return "单元格不是数字"
        case .cellBlank: return "单元格空白"
        case .negativeCount: return "数量为负数"
        case .table2RowSum: return "表二行合计不符"
        case .table2ResultTotal: return "表二办理结果总计不符"
        case .table2Balance: return "表二勾稽关系不符"
        case .table3GroupTotal: return "表三总计不符"
        case .templateOutdated: return "使用已废止的旧版表格"
        default: return code.rawValue
        }
    }
}
