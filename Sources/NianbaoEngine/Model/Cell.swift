/// One table cell as read from the source, with the line it came from.
public struct Cell: Sendable, Hashable {
    /// What the cell holds.
    public enum Value: Sendable, Hashable {
        /// An integer count (may be negative only where the template allows, e.g. 本年增/减).
        case number(Int)
        /// A decimal amount (收费 in 万元, 采购总金额).
        case amount(Double)
        /// Nothing, or a placeholder such as "/", "—", "-", "无".
        case blank
        /// Something that is not a number.
        case text(String)
    }

    public var value: Value
    /// The cell's text after normalisation, before interpretation.
    public var raw: String
    /// Index into `SourceDocument.lines` of the line holding the cell.
    public var line: Int

    public init(value: Value, raw: String, line: Int) {
        self.value = value
        self.raw = raw
        self.line = line
    }

    /// The integer value, if the cell holds one.
    public var count: Int? {
        if case .number(let n) = value { return n }
        return nil
    }

    /// The numeric value of a count or an amount.
    public var numeric: Double? {
        switch value {
        case .number(let n): return Double(n)
        case .amount(let a): return a
        default: return nil
        }
    }
}
