/// Reads one table cell's text as a value: counts, amounts ("7730.28",
/// "251000元"), placeholders ("/", "—", "无") as blank.
enum CellValueReader {
    private static let placeholderScalars: Set<Unicode.Scalar> = ["/", "\\", "—", "-", "–", "―", "无", "空", "×"]
    private static let countUnits: Set<Unicode.Scalar> = ["件", "个", "条", "项", "次", "人", "家"]

    /// The value of `scalars[lo..<hi]` (already trimmed), or nil if it is not a cell value.
    static func value(_ scalars: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> Cell.Value? {
        guard lo < hi, hi <= scalars.count else { return nil }
        if hi - lo == 1, placeholderScalars.contains(scalars[lo]) { return .blank }
        if hi - lo == 2, scalars[lo] == scalars[lo + 1], scalars[lo] == "—" || scalars[lo] == "-" { return .blank }
        var index = lo
        var negative = false
        if scalars[index] == "-" || scalars[index] == "+" {
            guard index + 1 < hi, ScalarText.isDigit(scalars[index + 1]) else { return nil }
            negative = scalars[index] == "-"
            index += 1
        }
        var integer = 0
        var overflow = false
        var real = 0.0
        var scale = 1.0
        var sawDigit = false
        var sawPoint = false
        while index < hi {
            let scalar = scalars[index]
            if ScalarText.isDigit(scalar) {
                let digit = Int(scalar.value - 0x30)
                sawDigit = true
                if sawPoint {
                    scale /= 10
                    real += Double(digit) * scale
                } else {
                    real = real * 10 + Double(digit)
                    let (times, o1) = integer.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times.addingReportingOverflow(digit)
                    overflow = overflow || o1 || o2
                    integer = sum
                }
            } else if scalar == ".", !sawPoint, sawDigit, index + 1 < hi, ScalarText.isDigit(scalars[index + 1]) {
                sawPoint = true
            } else if scalar == ",", sawDigit, !sawPoint, groupOfThree(scalars, index + 1, hi) {
                // thousands separator
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }
        var isAmount = sawPoint
        if index < hi {
            let rest = hi - index
            if rest == 1, scalars[index] == "元" {
                isAmount = true
            } else if rest == 2, scalars[index] == "万", scalars[index + 1] == "元" {
                isAmount = true
            } else if !(rest == 1 && countUnits.contains(scalars[index])) {
                return nil
            }
        }
        if !isAmount, !overflow { return .number(negative ? -integer : integer) }
        return .amount(negative ? -real : real)
    }

    private static func groupOfThree(_ scalars: [Unicode.Scalar], _ start: Int, _ hi: Int) -> Bool {
        guard start + 3 <= hi else { return false }
        for index in start..<(start + 3) where !ScalarText.isDigit(scalars[index]) { return false }
        return start + 3 == hi || !ScalarText.isDigit(scalars[start + 3])
    }

    /// Whether a value is zero or blank (extra columns of that kind may be dropped safely).
    static func isZeroOrBlank(_ value: Cell.Value) -> Bool {
        switch value {
        case .blank: return true
        case .number(let n): return n == 0
        case .amount(let a): return a == 0
        case .text: return false
        }
    }
}
