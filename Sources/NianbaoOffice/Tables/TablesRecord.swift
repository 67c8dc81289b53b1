import NianbaoEngine

/// A report's parsed table values in a stable JSON form, for the status directory,
/// `check --json` and the export, and decodable back.
///
/// ```json
/// {"template": "2021",
///  "table1": [{"item": 1, "columns": ["本年制发件数", "本年废止件数", "现行有效件数"],
///              "rows": [{"label": "规章", "cells": [0, 0, 0]}, …]}, …],
///  "table2": {"received": {"naturalPerson": 2, "commercial": 0, …, "total": 2}, …},
///  "table3": {"review": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0}, …}}
/// ```
///
/// Keys are the engine's case names (`Table2Row`, `Applicant`, `Table3Group`,
/// `Table3Outcome`); a cell is an integer, a decimal (表一 amounts) or null (blank or text).
/// A table the report lacks is null.
public struct TablesRecord: Sendable, Hashable, Codable {
    /// The template the tables follow (nil when table 2 could not be read, or in a sum of mixed templates).
    public var template: Template?
    /// 表一, nil when absent.
    public var table1: Table1Record?
    /// 表二, nil when absent.
    public var table2: Table2Record?
    /// 表三, nil when absent.
    public var table3: Table3Record?

    /// A record from its parts (all nil: the sum of nothing).
    public init(template: Template? = nil, table1: Table1Record? = nil, table2: Table2Record? = nil, table3: Table3Record? = nil) {
        self.template = template
        self.table1 = table1
        self.table2 = table2
        self.table3 = table3
    }

    /// The tables of a parsed report.
    public init(_ report: Report) {
        template = report.template
        table1 = report.table1.map(Table1Record.init)
        table2 = report.table2.map(Table2Record.init)
        table3 = report.table3.map(Table3Record.init)
    }

    /// Whether all three tables are present.
    public var isComplete: Bool { table1 != nil && table2 != nil && table3 != nil }

    /// Table-wise sum; the template is kept when both agree.
    public static func + (lhs: TablesRecord, rhs: TablesRecord) -> TablesRecord {
        func sum<T>(_ a: T?, _ b: T?, _ plus: (T, T) -> T) -> T? {
            switch (a, b) {
            case let (x?, y?): return plus(x, y)
            case let (x?, nil): return x
            case let (nil, y?): return y
            case (nil, nil): return nil
            }
        }
        return TablesRecord(
            template: lhs.template == rhs.template ? lhs.template : nil,
            table1: sum(lhs.table1, rhs.table1, +),
            table2: sum(lhs.table2, rhs.table2, +),
            table3: sum(lhs.table3, rhs.table3, +)
        )
    }

    enum CodingKeys: String, CodingKey { case template, table1, table2, table3 }

    /// Every key is written; absent tables as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(template, forKey: .template)
        try c.encode(table1, forKey: .table1)
        try c.encode(table2, forKey: .table2)
        try c.encode(table3, forKey: .table3)
    }
}
