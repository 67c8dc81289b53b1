/// A position in a document: a line index and a scalar offset within that line.
struct TextPosition: Comparable, Hashable {
    var line: Int
    var offset: Int

    static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.offset) < (rhs.line, rhs.offset)
    }
}

/// One piece of a table as text extraction left it: a label fragment, a cell
/// value, or an empty tab-separated cell.
struct TableItem {
    enum Kind { case text, value, empty }

    var kind: Kind
    /// The fragment's scalars (normalised, trimmed).
    var scalars: [Unicode.Scalar]
    /// Index of the source line.
    var line: Int
    /// For `.value`: the value read. For `.empty`: `.blank`.
    var value: Cell.Value
    /// A value cut out of a longer run of text (digits glued to a label): the
    /// separators between cells were lost, so the number cannot be trusted.
    var fused: Bool

    var isText: Bool { kind == .text }

    /// The cell this item stands for.
    var cell: Cell { Cell(value: value, raw: ScalarText.string(scalars), line: line) }

    static func text(_ scalars: [Unicode.Scalar], line: Int) -> TableItem {
        TableItem(kind: .text, scalars: scalars, line: line, value: .blank, fused: false)
    }
}
