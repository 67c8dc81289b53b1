import NianbaoEngine

/// A table value in JSON: an integer count, or a decimal amount (表一's 收费 in 万元).
public enum TableNumber: Sendable, Hashable, Codable {
    case integer(Int)
    case decimal(Double)

    /// The value of a cell: a count or an amount; nil for blanks and text.
    public init?(_ cell: Cell) {
        switch cell.value {
        case .number(let n): self = .integer(n)
        case .amount(let a) where a.isFinite: self = TableNumber(a)
        default: return nil
        }
    }

    /// A whole amount as an integer (JSON cannot tell 251000.0 from 251000, so neither
    /// does this type), any other as a decimal.
    public init(_ value: Double) {
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            self = .integer(Int(value))
        } else {
            self = .decimal(value)
        }
    }

    /// The value as a Double.
    public var double: Double {
        switch self {
        case .integer(let n): return Double(n)
        case .decimal(let d): return d
        }
    }

    /// The sum, integer while both are (saturating instead of trapping), else rounded to
    /// 6 decimal places so that 0.1 + 0.2 reads 0.3 (and an integer when whole).
    public static func + (lhs: TableNumber, rhs: TableNumber) -> TableNumber {
        if case .integer(let a) = lhs, case .integer(let b) = rhs {
            let (sum, overflow) = a.addingReportingOverflow(b)
            return .integer(overflow ? (a > 0 ? Int.max : Int.min) : sum)
        }
        return TableNumber(((lhs.double + rhs.double) * 1e6).rounded() / 1e6)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let n = try? container.decode(Int.self) {
            self = .integer(n)
        } else {
            self = TableNumber(try container.decode(Double.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let n): try container.encode(n)
        case .decimal(let d): try container.encode(d)
        }
    }
}

/// A JSON object key known only at run time.
struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Adds optional numbers: nil + x = x, nil + nil = nil.
func add(_ lhs: TableNumber?, _ rhs: TableNumber?) -> TableNumber? {
    switch (lhs, rhs) {
    case let (a?, b?): return a + b
    case let (a?, nil): return a
    case let (nil, b?): return b
    case (nil, nil): return nil
    }
}

/// Adds optional counts: nil + x = x, nil + nil = nil, saturating.
func add(_ lhs: Int?, _ rhs: Int?) -> Int? {
    switch (lhs, rhs) {
    case let (a?, b?):
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (a > 0 ? Int.max : Int.min) : sum
    case let (a?, nil): return a
    case let (nil, b?): return b
    case (nil, nil): return nil
    }
}
