/// 表三's three groups of five cells.
public enum Table3Group: Int, Sendable, Hashable, CaseIterable, Codable {
    case review              // 行政复议
    case suitDirect          // 行政诉讼 · 未经复议直接起诉
    case suitAfterReview     // 行政诉讼 · 复议后起诉

    public var label: String {
        switch self {
        case .review: return "行政复议"
        case .suitDirect: return "行政诉讼·未经复议直接起诉"
        case .suitAfterReview: return "行政诉讼·复议后起诉"
        }
    }
}

/// The five outcome columns within each 表三 group.
public enum Table3Outcome: Int, Sendable, Hashable, CaseIterable, Codable {
    case upheld      // 结果维持
    case corrected   // 结果纠正
    case other       // 其他结果
    case pending     // 尚未审结
    case total       // 总计

    public static let parts: [Table3Outcome] = [.upheld, .corrected, .other, .pending]

    public var label: String {
        switch self {
        case .upheld: return "结果维持"
        case .corrected: return "结果纠正"
        case .other: return "其他结果"
        case .pending: return "尚未审结"
        case .total: return "总计"
        }
    }
}

/// 表三 行政复议、行政诉讼情况: one data row of 15 cells.
public struct Table3: Sendable, Hashable {
    /// The 15 cells in template order (group-major), or fewer if the row was short.
    public var cells: [Cell]
    /// Index of the line where the table starts.
    public var startLine: Int

    public init(cells: [Cell], startLine: Int) {
        self.cells = cells
        self.startLine = startLine
    }

    public subscript(group: Table3Group, outcome: Table3Outcome) -> Cell? {
        let index = group.rawValue * 5 + outcome.rawValue
        return index < cells.count ? cells[index] : nil
    }
}
