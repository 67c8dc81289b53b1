import NianbaoEngine

/// 表三's values: fifteen counts, group-major, nil for a blank, text or missing cell.
/// JSON: `{"review": {"upheld": 1, …, "total": 2}, "suitDirect": {…}, "suitAfterReview": {…}}`.
public struct Table3Record: Sendable, Hashable, Codable {
    /// 15 values in the engine's order (group × 5 + outcome).
    public var cells: [Int?]

    /// A record from values in engine order, padded with nil or cut to 15.
    public init(cells: [Int?] = Array(repeating: nil, count: 15)) {
        self.cells = (cells + Array(repeating: nil, count: max(0, 15 - cells.count))).prefix(15).map { $0 }
    }

    /// The values of a parsed 表三.
    public init(_ table: Table3) {
        // Group-major like the table itself: cell i is group i / 5, outcome i % 5.
        cells = (0 ..< 15).map { $0 < table.cells.count ? table.cells[$0].count : nil }
    }

    /// The count of a group and outcome.
    public subscript(group: Table3Group, outcome: Table3Outcome) -> Int? {
        cells[group.rawValue * 5 + outcome.rawValue]
    }

    /// Cell-wise sum.
    public static func + (lhs: Table3Record, rhs: Table3Record) -> Table3Record {
        Table3Record(cells: zip(lhs.cells, rhs.cells).map { add($0, $1) })
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        for group in Table3Group.allCases {
            var outcomes = container.nestedContainer(keyedBy: JSONKey.self, forKey: JSONKey(group.key))
            for outcome in Table3Outcome.allCases {
                try outcomes.encode(self[group, outcome], forKey: JSONKey(outcome.key))
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JSONKey.self)
        var cells: [Int?] = []
        for group in Table3Group.allCases {
            let outcomes = try? container.nestedContainer(keyedBy: JSONKey.self, forKey: JSONKey(group.key))
            for outcome in Table3Outcome.allCases {
                cells.append(try outcomes?.decodeIfPresent(Int.self, forKey: JSONKey(outcome.key)) ?? nil)
            }
        }
        self.init(cells: cells)
    }
}
