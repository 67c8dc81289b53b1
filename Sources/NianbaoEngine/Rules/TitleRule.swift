/// `title.incomplete`: the title must name the full agency and the year
/// ("…局2021年政府信息公开工作年度报告"). "市商务局2021年…" omits the city.
struct TitleRule: Rule {
    /// Words that begin a name without a place: "市商务局", "县人民政府", "本局".
    private static let placeless: [Character] = ["市", "县", "区", "省", "州", "乡", "镇", "本", "我"]
    private static let reportWords = ["政府信息公开工作年度报告", "政府信息公开年度报告", "政府信息公开工作年报", "政府信息公开年报", "政府信息公开"]

    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        let at = RuleSupport.location(report.titleLine, in: document)
        guard let raw = report.title, case let title = RuleSupport.mayHoldWhitespace(raw) && raw.contains(where: \.isWhitespace) ? raw.filter({ !$0.isWhitespace }) : raw,
              !title.isEmpty else {
            return [Finding(.titleIncomplete, "未找到报告标题：应为“机关全称+年度+政府信息公开工作年度报告”")]
        }
        guard YearReading.firstYear(in: title) != nil else {
            return [Finding(.titleIncomplete, "标题“\(title)”未写明年度", at: at)]
        }
        var agency = TitleRule.agencyPart(of: title)
        if agency.isEmpty, let line = report.titleLine, line > 0, line - 1 < document.lines.count {
            let previous = document.lines[line - 1].text.filter { !$0.isWhitespace }
            if previous.count <= 40, !previous.contains(where: \.isNumber) { agency = previous }
        }
        guard let first = agency.first else {
            return [Finding(.titleIncomplete, "标题“\(title)”未写明机关名称", at: at)]
        }
        guard !TitleRule.placeless.contains(first) else {
            let full = TitleRule.fullName(of: agency, in: document).map { "（正文为“\($0)”）" } ?? ""
            return [Finding(.titleIncomplete, "标题“\(title)”未写明机关全称：“\(agency)”缺少地名\(full)", at: at)]
        }
        return []
    }

    /// False when `agency` cannot occur in `text`: both hold only scalars that are whole
    /// characters with no canonical equivalents (ASCII, CJK punctuation, Han, full-width
    /// forms), where character matching is byte matching, and the bytes do not occur.
    private static func mayOccur(_ agency: String, in text: String) -> Bool {
        guard isPlain(agency), isPlain(text) else { return true }
        return Utf8Search.contains(text, agency)
    }

    private static func isPlain(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20...0x7E, 0x3000...0x3029, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: continue
            default: return false
            }
        }
        return true
    }

    private static let nameBreakers: Set<Character> = ["年", "月", "日", "的", "在", "和", "与", "及", "为", "是", "对", "由", "将", "我", "本"]

    /// A longer name ending with `agency` in the body ("洛阳市商务局" for "市商务局"), if any.
    static func fullName(of agency: String, in document: SourceDocument) -> String? {
        for line in document.lines.prefix(80) {
            let text = line.text
            guard mayOccur(agency, in: text) else { continue }
            var searchStart = text.startIndex
            while let range = text[searchStart...].firstRange(of: agency) {
                var start = range.lowerBound
                var added = 0
                while start > text.startIndex, added < 6 {
                    let previous = text[text.index(before: start)]
                    guard previous.unicodeScalars.first.map({ $0.value >= 0x4E00 && $0.value <= 0x9FFF }) == true,
                          !nameBreakers.contains(previous) else { break }
                    start = text.index(before: start)
                    added += 1
                }
                if added >= 2 { return String(text[start..<range.upperBound]) }
                searchStart = range.upperBound
            }
        }
        return nil
    }

    /// The title with its year ("2021年", "2021年度") and report words removed.
    static func agencyPart(of title: String) -> String {
        var text = title
        for word in reportWords {
            if let offset = Utf8Search.offset(of: word, in: text) { text = removing(word, at: offset, from: text); break }
        }
        if let year = YearReading.firstYear(in: text) {
            for form in ["\(year)年度", "\(year)年"] {
                if let offset = Utf8Search.offset(of: form, in: text) { text = removing(form, at: offset, from: text); break }
            }
        }
        return text
    }

    private static func removing(_ word: String, at offset: Int, from text: String) -> String {
        let bytes = text.utf8
        return String(decoding: bytes.prefix(offset), as: UTF8.self)
            + String(decoding: bytes.dropFirst(offset + word.utf8.count), as: UTF8.self)
    }
}
