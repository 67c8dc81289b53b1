import NianbaoEngine

/// 表一's values: blocks by 第二十条 item, rows by label as printed, values by column.
/// JSON: `[{"item": 1, "columns": ["本年制发件数", …], "rows": [{"label": "规章", "cells": [0, 0, 3]}]}]`.
public struct Table1Record: Sendable, Hashable, Codable {
    /// One block (第二十条第（一）项 …).
    public struct Block: Sendable, Hashable, Codable {
        /// The 第二十条 item number (1, 5, 6, 8, 9).
        public var item: Int
        /// The column headings as printed.
        public var columns: [String]
        /// The block's rows.
        public var rows: [Row]

        /// A block from its parts.
        public init(item: Int, columns: [String], rows: [Row]) {
            self.item = item
            self.columns = columns
            self.rows = rows
        }
    }

    /// One labelled row.
    public struct Row: Sendable, Hashable, Codable {
        /// The row label as printed (规章, 行政许可 …).
        public var label: String
        /// Counts, or decimal amounts for 收费 and 采购 rows; nil for blanks and text.
        public var cells: [TableNumber?]

        /// A row from its parts.
        public init(label: String, cells: [TableNumber?]) {
            self.label = label
            self.cells = cells
        }

        enum CodingKeys: String, CodingKey { case label, cells }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(label, forKey: .label)
            var cellList = c.nestedUnkeyedContainer(forKey: .cells)
            for cell in cells { try cellList.encode(cell) }
        }
    }

    /// The blocks, by item.
    public var blocks: [Block]

    /// A record from its blocks.
    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    /// The values of a parsed 表一.
    public init(_ table: Table1) {
        blocks = table.blocks.map { block in
            Block(item: block.item, columns: block.columns,
                  rows: block.rows.map { Row(label: $0.label, cells: $0.cells.map(TableNumber.init)) })
        }
    }

    /// Cell-wise sum: blocks matched by item, rows by label (spaces and widths folded),
    /// values by column position. Blocks and rows only one side has are kept.
    public static func + (lhs: Table1Record, rhs: Table1Record) -> Table1Record {
        var blocks = lhs.blocks
        for block in rhs.blocks {
            guard let b = blocks.firstIndex(where: { $0.item == block.item }) else {
                blocks.append(block)
                continue
            }
            if blocks[b].columns.count < block.columns.count { blocks[b].columns = block.columns }
            for row in block.rows {
                let label = AgencyName.fold(row.label)
                guard let r = blocks[b].rows.firstIndex(where: { AgencyName.fold($0.label) == label }) else {
                    blocks[b].rows.append(row)
                    continue
                }
                let mine = blocks[b].rows[r].cells
                blocks[b].rows[r].cells = (0..<max(mine.count, row.cells.count)).map { i in
                    add(i < mine.count ? mine[i] : nil, i < row.cells.count ? row.cells[i] : nil)
                }
            }
        }
        return Table1Record(blocks: blocks.sorted { $0.item < $1.item })
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(blocks)
    }

    public init(from decoder: any Decoder) throws {
        blocks = try decoder.singleValueContainer().decode([Block].self)
    }
}
