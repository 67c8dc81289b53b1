import NianbaoEngine

/// 表二's values: for each row present, seven counts in `Applicant` order (nil for a
/// blank, text or decimal cell). JSON: `{"received": {"naturalPerson": 1, …, "total": 2}, …}`
/// in template order; a row the report lacks is absent.
public struct Table2Record: Sendable, Hashable, Codable {
    /// Seven values per row present, in `Applicant` order.
    public var rows: [Table2Row: [Int?]]

    /// A record from its rows.
    public init(rows: [Table2Row: [Int?]] = [:]) {
        self.rows = rows
    }

    /// The values of a parsed 表二.
    public init(_ table: Table2) {
        // mapValues keeps the dictionary's layout: no row is hashed again.
        let columns = Applicant.allCases.count
        rows = table.rows.mapValues { cells in (0 ..< columns).map { $0 < cells.count ? cells[$0].count : nil } }
    }

    /// The count at a row and column.
    public subscript(row: Table2Row, column: Applicant) -> Int? {
        guard let values = rows[row], column.rawValue < values.count else { return nil }
        return values[column.rawValue]
    }

    /// Cell-wise sum; a row present in either is present in the sum.
    public static func + (lhs: Table2Record, rhs: Table2Record) -> Table2Record {
        var rows = lhs.rows
        for (row, values) in rhs.rows {
            let mine = rows[row] ?? []
            rows[row] = Applicant.allCases.map { column in
                add(column.rawValue < mine.count ? mine[column.rawValue] : nil,
                    column.rawValue < values.count ? values[column.rawValue] : nil)
            }
        }
        return Table2Record(rows: rows)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        for row in Table2Row.allCases {
            guard rows[row] != nil else { continue }
            var columns = container.nestedContainer(keyedBy: JSONKey.self, forKey: JSONKey(row.key))
            for column in Applicant.allCases {
                try columns.encode(self[row, column], forKey: JSONKey(column.key))
            }
        }
    }

    /// Unknown row and column keys are ignored (a newer writer may add some).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JSONKey.self)
        var rows: [Table2Row: [Int?]] = [:]
        for key in container.allKeys {
            guard let row = Table2Row(key: key.stringValue) else { continue }
            let columns = try container.nestedContainer(keyedBy: JSONKey.self, forKey: key)
            rows[row] = try Applicant.allCases.map { try columns.decodeIfPresent(Int.self, forKey: JSONKey($0.key)) }
        }
        self.rows = rows
    }
}
