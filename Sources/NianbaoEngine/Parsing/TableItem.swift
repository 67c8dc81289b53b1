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
    /// For `.text`: the fragment's scalars (normalised, trimmed). Empty for values.
    var scalars: [Unicode.Scalar]
    /// For `.value` and `.empty`: the cell's text as written (normalised, trimmed).
    var raw: String
    /// Index of the source line.
    var line: Int
    /// For `.value`: the value read. For `.empty`: `.blank`.
    var value: Cell.Value
    /// A value cut out of a longer run of text (digits glued to a label): the
    /// separators between cells were lost, so the number cannot be trusted.
    var fused: Bool

    var isText: Bool { kind == .text }

    /// The cell this item stands for.
    var cell: Cell { Cell(value: value, raw: kind == .text ? ScalarText.string(scalars) : raw, line: line) }

    /// The fragment as written: the raw text of a value, the scalars of a text fragment.
    var written: String { kind == .text ? ScalarText.string(scalars) : raw }

    static func text(_ scalars: [Unicode.Scalar], line: Int) -> TableItem {
        TableItem(kind: .text, scalars: scalars, raw: "", line: line, value: .blank, fused: false)
    }

    static func value(_ value: Cell.Value, raw: String, line: Int, fused: Bool) -> TableItem {
        TableItem(kind: .value, scalars: [], raw: raw, line: line, value: value, fused: fused)
    }

    static func empty(line: Int) -> TableItem {
        TableItem(kind: .empty, scalars: [], raw: "", line: line, value: .blank, fused: false)
    }
}
