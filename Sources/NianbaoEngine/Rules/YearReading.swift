/// Reading years from titles and from the statistical-period statement.
enum YearReading {
    /// The first plausible year (1990–2099) written as four digits followed by 年 (spaces allowed).
    static func firstYear(in text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]), index == 0 || !isDigit(scalars[index - 1]) else { index += 1; continue }
            var end = index
            var value = 0
            while end < scalars.count, isDigit(scalars[end]), end - index < 5 {
                value = value * 10 + Int(scalars[end].value - 48)
                end += 1
            }
            var after = end
            while after < scalars.count, scalars[after] == " " || scalars[after] == "\u{00A0}" { after += 1 }
            if end - index == 4, (1990...2099).contains(value), after < scalars.count, scalars[after] == "年" {
                return value
            }
            index = end
        }
        return nil
    }

    /// The year of the statistical period, from a line such as
    /// "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止", looked for
    /// in the first 400 lines and before line `limit` (section 二) when given.
    static func periodYear(_ document: SourceDocument, before limit: Int? = nil) -> Int? {
        for line in document.lines.prefix(max(0, min(limit ?? 400, 400))) {
            let text = line.text
            guard let offset = Utf8Search.offset(of: "统计期", in: text) else { continue }
            if let year = firstYear(in: String(decoding: text.utf8.dropFirst(offset), as: UTF8.self)) { return year }
        }
        return nil
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
}
