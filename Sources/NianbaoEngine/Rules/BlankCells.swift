/// The blank cells of one table, gathered so that a table gives one `table.cell_blank`
/// finding that lists them compactly: columns blank over the same rows are named
/// together ("表二 法人或其他组织 5 列 × 25 行为空"), so a page that left whole
/// columns empty gets one line, not one finding per row.
struct BlankCells {
    /// "表一", "表二", "表三".
    let table: String
    /// Labels of the columns that together form a named group (表二's five 法人或其他组织
    /// columns), so that a group blank throughout is named by the group.
    var groups: [(name: String, columns: [String])] = []
    /// The number of rows the table has; when every one is blank in a column, the rows are
    /// given as a count alone.
    var rowCount: Int?
    private var columnOrder: [String] = []
    private var rowsByColumn: [String: [String]] = [:]
    private var firstLine: Int?

    init(table: String, groups: [(name: String, columns: [String])] = [], rowCount: Int? = nil) {
        self.table = table
        self.groups = groups
        self.rowCount = rowCount
    }

    var isEmpty: Bool { columnOrder.isEmpty }

    /// Records that the cell at `row` × `column` is blank (call in reading order).
    mutating func add(row: String, column: String, line: Int?) {
        if rowsByColumn[column] == nil {
            columnOrder.append(column)
            rowsByColumn[column] = []
        }
        rowsByColumn[column]?.append(row)
        if firstLine == nil { firstLine = line }
    }

    /// The single finding for the table, or nil when no cell is blank.
    func finding(in document: SourceDocument) -> Finding? {
        guard !isEmpty else { return nil }
        var parts: [String] = []
        var taken = Set<String>()
        for column in columnOrder where !taken.contains(column) {
            let rows = rowsByColumn[column] ?? []
            let sameRows = columnOrder.filter { !taken.contains($0) && rowsByColumn[$0] == rows }
            taken.formUnion(sameRows)
            parts.append("\(columnsText(sameRows)) × \(rowsText(rows))")
        }
        let count = rowsByColumn.values.reduce(0) { $0 + $1.count }
        let message = "\(table) \(parts.joined(separator: "；"))为空（共 \(count) 格），应填写数字（无则填 0）"
        return Finding(.cellBlank, message, at: RuleSupport.location(firstLine, in: document))
    }

    private func columnsText(_ columns: [String]) -> String {
        if columns.count == 1 { return columns[0] }
        var remaining = columns
        var names: [String] = []
        for group in groups where group.columns.allSatisfy({ remaining.contains($0) }) && group.columns.count > 1 {
            remaining.removeAll { group.columns.contains($0) }
            names.append("\(group.name) \(group.columns.count) 列")
        }
        if remaining.isEmpty && names.count == 1 { return names[0] }
        let all = names + remaining
        return "\(RuleSupport.listed(all))（\(columns.count) 列）"
    }

    private func rowsText(_ rows: [String]) -> String {
        if rows.count == rowCount && rows.count > 2 { return "\(rows.count) 行" }
        if rows.count <= 2 { return RuleSupport.listed(rows) }
        return "\(rows.count) 行（\(rows[0]) 至 \(rows[rows.count - 1])）"
    }
}
