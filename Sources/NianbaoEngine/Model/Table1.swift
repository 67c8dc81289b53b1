/// 表一 主动公开政府信息情况: blocks per 条例第二十条 item, each with labelled rows.
public struct Table1: Sendable, Hashable {
    public var blocks: [Table1Block]
    /// Index of the line where the table starts.
    public var startLine: Int

    public init(blocks: [Table1Block], startLine: Int) {
        self.blocks = blocks
        self.startLine = startLine
    }
}

/// One block of 表一, e.g. 第二十条第（一）项 with columns 本年制发件数 · 本年废止件数 · 现行有效件数.
public struct Table1Block: Sendable, Hashable {
    /// The 第二十条 item number: 1, 5, 6, 8 or 9.
    public var item: Int
    /// Column headings as printed.
    public var columns: [String]
    /// The rows of the block.
    public var rows: [Table1Row]

    public init(item: Int, columns: [String], rows: [Table1Row]) {
        self.item = item
        self.columns = columns
        self.rows = rows
    }
}

/// One row of a 表一 block, e.g. 规章 0 0 0.
public struct Table1Row: Sendable, Hashable {
    /// The row label as printed (规章, 行政规范性文件, 行政许可 …).
    public var label: String
    public var cells: [Cell]
    /// Index of the label's line.
    public var line: Int

    public init(label: String, cells: [Cell], line: Int) {
        self.label = label
        self.cells = cells
        self.line = line
    }
}
