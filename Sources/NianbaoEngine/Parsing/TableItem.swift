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
///
/// A plain value (no references): the fragment is a range of its (normalised)
/// line, so items are copied without reference counting and tokenizing
/// allocates nothing per item. The scalars and texts are read from the lines
/// the items were cut from.
struct TableItem {
    enum Kind: UInt8 { case text, value, empty }

    /// A cell value read by `CellValueReader` (never `.text`).
    enum Value {
        case number(Int)
        case amount(Double)
        case blank

        var cellValue: Cell.Value {
            switch self {
            case .number(let n): return .number(n)
            case .amount(let a): return .amount(a)
            case .blank: return .blank
            }
        }

        init(_ value: Cell.Value) {
            switch value {
            case .number(let n): self = .number(n)
            case .amount(let a): self = .amount(a)
            case .blank, .text: self = .blank
            }
        }
    }

    var kind: Kind
    /// A value cut out of a longer run of text (digits glued to a label): the
    /// separators between cells were lost, so the number cannot be trusted.
    var fused: Bool
    /// Index of the source line.
    var line: Int
    /// The fragment's scalars in its line: `lines[line][lo..<hi]` (normalised, trimmed). Empty for `.empty`.
    var lo: Int
    var hi: Int
    /// For `.value`: the value read. For `.text` and `.empty`: `.blank`.
    var itemValue: Value

    var isText: Bool { kind == .text }

    /// For `.value`: the value read. For `.empty`: `.blank`.
    var value: Cell.Value { itemValue.cellValue }

    /// The fragment's scalars (normalised, trimmed); empty for `.empty`.
    func scalars(in lines: [[Unicode.Scalar]]) -> ArraySlice<Unicode.Scalar> {
        lines[line][lo..<hi]
    }

    /// The cell this item stands for.
    func cell(in lines: [[Unicode.Scalar]]) -> Cell {
        Cell(value: itemValue.cellValue, raw: written(in: lines), line: line)
    }

    /// The fragment as written: the raw text of a value, the scalars of a text fragment, "" for an empty cell.
    func written(in lines: [[Unicode.Scalar]]) -> String {
        switch kind {
        case .text: return ScalarText.string(lines[line][lo..<hi])
        case .value: return Self.raw(lines[line], lo, hi)
        case .empty: return ""
        }
    }

    static func text(line: Int, _ lo: Int, _ hi: Int) -> TableItem {
        TableItem(kind: .text, fused: false, line: line, lo: lo, hi: hi, itemValue: .blank)
    }

    static func value(_ value: Cell.Value, line: Int, _ lo: Int, _ hi: Int, fused: Bool) -> TableItem {
        TableItem(kind: .value, fused: fused, line: line, lo: lo, hi: hi, itemValue: Value(value))
    }

    static func empty(line: Int) -> TableItem {
        TableItem(kind: .empty, fused: false, line: line, lo: 0, hi: 0, itemValue: .blank)
    }

    private static let smallNumbers: [String] = (0...999).map { String($0) }

    /// The text of a value fragment; small whole numbers come from a table built once.
    private static func raw(_ line: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> String {
        if hi - lo <= 3, hi - lo == 1 || line[lo] != "0" {
            var number = 0
            var index = lo
            while index < hi, ScalarText.isDigit(line[index]) {
                number = number * 10 + Int(line[index].value - 0x30)
                index += 1
            }
            if index == hi { return smallNumbers[number] }
        }
        return ScalarText.string(line[lo..<hi])
    }
}
