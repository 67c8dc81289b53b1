/// Reads one table cell's text as a value: counts, amounts ("7730.28",
/// "251000元"), placeholders ("/", "—", "无") as blank.
enum CellValueReader {
    private static let placeholders: Set<String> = ["/", "\\", "—", "——", "-", "--", "–", "―", "无", "空", "×"]
    private static let countUnits: Set<Unicode.Scalar> = ["件", "个", "条", "项", "次", "人", "家"]

    /// The value of `scalars[lo..<hi]` (already trimmed), or nil if it is not a cell value.
    static func value(_ scalars: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> Cell.Value? {
        guard lo < hi else { return nil }
        if hi - lo <= 2 {
            let text = ScalarText.string(scalars[lo..<hi])
            if placeholders.contains(text) { return .blank }
        }
        var index = lo
        var digits = String.UnicodeScalarView()
        if scalars[index] == "-" || scalars[index] == "+" {
            guard index + 1 < hi, ScalarText.isDigit(scalars[index + 1]) else { return nil }
            if scalars[index] == "-" { digits.append("-") }
            index += 1
        }
        var sawDigit = false
        var sawPoint = false
        while index < hi {
            let scalar = scalars[index]
            if ScalarText.isDigit(scalar) {
                digits.append(scalar)
                sawDigit = true
            } else if scalar == ".", !sawPoint, sawDigit, index + 1 < hi, ScalarText.isDigit(scalars[index + 1]) {
                digits.append(scalar)
                sawPoint = true
            } else if scalar == ",", sawDigit, !sawPoint, groupOfThree(scalars, index + 1, hi) {
                // thousands separator: skip
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
            } else if rest == 1, countUnits.contains(scalars[index]) {
                // a count with its unit
            } else {
                return nil
            }
        }
        let text = String(digits)
        if !isAmount, let count = Int(text) { return .number(count) }
        if let amount = Double(text) { return .amount(amount) }
        return nil
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
