/// Reads dates as reports print them: "2022年1月10日", "2024 年 1 月 19 日",
/// "2021-01-28", "2020/01/31", "2020.01.31".
enum DateReader {
    /// A date starting at `index` (spaces allowed inside), and the index after it.
    static func date(in scalars: [Unicode.Scalar], at index: Int) -> (CivilDate, Int)? {
        guard let (year, afterYear) = number(scalars, index, maxDigits: 4), (1900...2199).contains(year), afterYear - index >= 4 else {
            return nil
        }
        var cursor = skipSpaces(scalars, afterYear)
        guard cursor < scalars.count else { return nil }
        let separator = scalars[cursor]
        let chinese = separator == "年"
        guard chinese || separator == "-" || separator == "/" || separator == "." else { return nil }
        cursor = skipSpaces(scalars, cursor + 1)
        guard let (month, afterMonth) = number(scalars, cursor, maxDigits: 2) else { return nil }
        cursor = skipSpaces(scalars, afterMonth)
        guard cursor < scalars.count, scalars[cursor] == (chinese ? "月" : separator) else { return nil }
        cursor = skipSpaces(scalars, cursor + 1)
        guard let (day, afterDay) = number(scalars, cursor, maxDigits: 2) else { return nil }
        cursor = afterDay
        if chinese {
            let beforeDay = cursor
            cursor = skipSpaces(scalars, cursor)
            if cursor < scalars.count, scalars[cursor] == "日" || scalars[cursor] == "号" { cursor += 1 } else { cursor = beforeDay }
        }
        let date = CivilDate(year: year, month: month, day: day)
        return date.isValid ? (date, cursor) : nil
    }

    /// The first date in `scalars[from...]`.
    static func firstDate(in scalars: [Unicode.Scalar], from: Int = 0) -> (CivilDate, Int)? {
        var index = max(0, from)
        while index < scalars.count {
            if ScalarText.isDigit(scalars[index]), index == 0 || !ScalarText.isDigit(scalars[index - 1]),
               let found = date(in: scalars, at: index) {
                return found
            }
            index += 1
        }
        return nil
    }

    /// Whether the whole line (trimmed) is one date, as a signature date is.
    static func lineDate(_ scalars: [Unicode.Scalar]) -> CivilDate? {
        let (lo, hi) = ScalarText.trim(scalars, 0, scalars.count)
        guard lo < hi, let (date, end) = date(in: scalars, at: lo), ScalarText.trim(scalars, end, hi).0 == hi else { return nil }
        return date
    }

    /// A year "2021" followed (spaces allowed) by 年, searched from `from`; 1990…2199 only.
    static func firstYear(in scalars: [Unicode.Scalar], from: Int = 0) -> (Int, Int)? {
        var index = max(0, from)
        while index + 4 <= scalars.count {
            if ScalarText.isDigit(scalars[index]), index == 0 || !ScalarText.isDigit(scalars[index - 1]),
               let (year, end) = number(scalars, index, maxDigits: 4), end - index == 4, (1990...2199).contains(year) {
                let after = skipSpaces(scalars, end)
                if after < scalars.count, scalars[after] == "年" { return (year, index) }
            }
            index += 1
        }
        return nil
    }

    private static func number(_ scalars: [Unicode.Scalar], _ index: Int, maxDigits: Int) -> (Int, Int)? {
        var end = index
        while end < scalars.count, ScalarText.isDigit(scalars[end]) { end += 1 }
        guard end > index, end - index <= maxDigits, let value = ScalarText.integer(scalars, index, end) else { return nil }
        return (value, end)
    }

    private static func skipSpaces(_ scalars: [Unicode.Scalar], _ index: Int) -> Int {
        var cursor = index
        while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
        return cursor
    }
}
