import NianbaoEngine

// The tables written with `JSONWriter`: the same keys, values and nulls as their
// `Encodable` forms, keys in sorted (UTF-8 byte) order as `JSONEncoder` with `.sortedKeys`
// writes them.

/// Values with their escaped keys, in the byte order `JSONEncoder`'s `.sortedKeys` uses.
private func sortedKeys<T>(_ values: [T], _ key: (T) -> String) -> [(value: T, key: JSONWriter.Key)] {
    values.sorted { key($0).utf8.lexicographicallyPrecedes(key($1).utf8) }.map { ($0, JSONWriter.Key(key($0))) }
}

private let table2Rows = sortedKeys(Table2Row.allCases, \.key)
private let applicants = sortedKeys(Applicant.allCases, \.key)
private let applicantKeys = JSONWriter.KeyList(applicants.map(\.value.key), sources: applicants.map(\.value.rawValue))
private let table3Groups = sortedKeys(Table3Group.allCases, \.key)
private let table3Outcomes = sortedKeys(Table3Outcome.allCases, \.key)
private let table3OutcomeKeys = JSONWriter.KeyList(table3Outcomes.map(\.value.key), sources: table3Outcomes.map(\.value.rawValue))

extension TablesRecord: JSONWritable {
    /// `{"table1": …, "table2": …, "table3": …, "template": …}`, absent parts as null.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("table1")
        writer.value(table1)
        writer.key("table2")
        writer.value(table2)
        writer.key("table3")
        writer.value(table3)
        writer.key("template")
        writer.string(template?.rawValue)
        writer.endObject()
    }
}

extension Table1Record: JSONWritable {
    /// `[{"columns": […], "item": 1, "rows": [{"cells": [0, null, 1.5], "label": "规章"}]}]`.
    public func write(to writer: inout JSONWriter) {
        writer.beginArray()
        for block in blocks {
            writer.beginObject()
            writer.key("columns")
            writer.beginArray()
            for column in block.columns { writer.string(column) }
            writer.endArray()
            writer.key("item")
            writer.integer(block.item)
            writer.key("rows")
            writer.beginArray()
            for row in block.rows {
                writer.beginObject()
                writer.key("cells")
                writer.beginArray()
                for cell in row.cells { writer.value(cell) }
                writer.endArray()
                writer.key("label")
                writer.string(row.label)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
    }
}

extension TableNumber: JSONWritable {
    /// An integer, or a decimal in Swift's shortest form.
    public func write(to writer: inout JSONWriter) {
        switch self {
        case .integer(let n): writer.integer(n)
        case .decimal(let d): writer.double(d)
        }
    }
}

/// Each row's place in `table2Rows` (sorted key order), by the row's raw value.
private let table2Ranks: [Int] = {
    var ranks = Array(repeating: 0, count: Table2Row.allCases.count)
    for (rank, entry) in table2Rows.enumerated() { ranks[entry.value.rawValue] = rank }
    return ranks
}()

extension Table2Record: JSONWritable {
    /// The rows present, each with its seven columns (null for a blank cell).
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        // The rows in key order without hashing each row again: one pass over the
        // dictionary places them by rank.
        withUnsafeTemporaryAllocation(of: [Int?]?.self, capacity: table2Rows.count) { ordered in
            ordered.initialize(repeating: nil)
            defer { ordered.deinitialize() }
            for (row, values) in rows { ordered[table2Ranks[row.rawValue]] = values }
            for (rank, entry) in table2Rows.enumerated() {
                guard let values = ordered[rank] else { continue }
                writer.key(entry.key)
                writer.object(applicantKeys, values: values)
            }
        }
        writer.endObject()
    }
}

extension Table3Record: JSONWritable {
    /// Every group with its five outcomes (null for a blank cell).
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        for (group, groupKey) in table3Groups {
            writer.key(groupKey)
            writer.object(table3OutcomeKeys, values: cells, offset: group.rawValue * 5)   // five outcomes per group, as the subscript reads them
        }
        writer.endObject()
    }
}
