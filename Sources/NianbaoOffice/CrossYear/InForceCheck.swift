import NianbaoEngine

extension CrossYearCheck {
    /// `cross_year.in_force`: 表一 第二十条第（一）项, for 规章 and for 行政规范性文件, this
    /// year's 现行有效件数 equals last year's 现行有效件数 + this year's 本年制发件数 −
    /// 本年废止件数 (the 2021 template's columns; 国办's template and the evaluators check it).
    /// One warning per row that differs, naming both files and the cells. Skipped when either
    /// report lacks the 2021 columns (the 2019 template counts 对外公开总数量, not documents in
    /// force) or leaves one of the four cells unreadable; a blank counts as 0, as in the
    /// report's own arithmetic.
    public static func inForce(thisYear: Input, lastYear: Input) -> [Finding] {
        guard consecutive(thisYear, lastYear),
              let this = InForceRows(thisYear.report), let last = InForceRows(lastYear.report) else { return [] }
        var findings: [Finding] = []
        for kind in InForceRows.Kind.allCases {
            guard let now = this.values[kind], let before = last.values[kind],
                  let inForceBefore = before.inForce, let issued = now.issued, let repealed = now.repealed, let inForce = now.inForce
            else { continue }
            let (partial, overflowA) = inForceBefore.addingReportingOverflow(issued)
            let (expected, overflowB) = partial.subtractingReportingOverflow(repealed)
            guard !overflowA, !overflowB, expected != inForce else { continue }
            findings.append(Finding(.crossYearInForce,
                "表一 \(kind.label) · 现行有效件数：本年《\(thisYear.file)》为 \(inForce)，"
                + "应为上年《\(lastYear.file)》现行有效件数 \(inForceBefore) + 本年制发件数 \(issued) − 本年废止件数 \(repealed) = \(expected)"))
        }
        return findings
    }
}

/// The 规章 and 行政规范性文件 rows of a report's 表一 第二十条第（一）项 on the 2021 columns.
struct InForceRows {
    enum Kind: CaseIterable {
        case rules
        case normativeDocuments

        var label: String { self == .rules ? "规章" : "行政规范性文件" }

        init?(_ label: String) {
            if label.contains("规范性文件") { self = .normativeDocuments } else if label.contains("规章") { self = .rules } else { return nil }
        }
    }

    struct Values {
        var issued: Int?
        var repealed: Int?
        var inForce: Int?
    }

    var values: [Kind: Values] = [:]

    init?(_ report: Report) {
        guard let block = report.table1?.blocks.first(where: { $0.item == 1 }) else { return nil }
        let columns = block.columns.filter { !$0.contains("信息内容") }
        guard let issued = columns.firstIndex(where: { $0.contains("制发") }),
              let repealed = columns.firstIndex(where: { $0.contains("废止") }),
              let inForce = columns.firstIndex(where: { $0.contains("现行有效") }) else { return nil }
        for row in block.rows {
            guard let kind = Kind(row.label), values[kind] == nil else { continue }
            func value(_ index: Int) -> Int? {
                guard index < row.cells.count else { return nil }
                switch row.cells[index].value {
                case .number(let n) where n >= 0: return n
                case .blank: return 0
                default: return nil
                }
            }
            values[kind] = Values(issued: value(issued), repealed: value(repealed), inForce: value(inForce))
        }
        if values.isEmpty { return nil }
    }
}
