/// `section5.generic`: section 五、存在的主要问题及改进情况 says nothing concrete. The 2021
/// notice asks for "实事求是、明确具体" problems and improvements ("避免笼统模糊、泛泛而谈");
/// evaluators count empty, one-line and boilerplate sections against the report.
///
/// One warning, for the first of: empty; only "无"; shorter than `minimumLength` characters;
/// no problem named (none of `problemWords`); no measure named (none of `measureWords`);
/// nothing left but `minimumResidue` characters once the stock phrases are taken out.
/// Thresholds from the samples and fixtures (README, "Section 五"): the shortest specific
/// section has 71 characters and 60 beyond the stock phrases; the real reports have 164 and
/// more. The section's text is quoted.
struct ProblemsSectionRule: Rule {
    /// Fewer Han characters, letters and digits than this is too short to name a problem and a measure.
    static let minimumLength = 50
    /// Fewer characters than this beyond the stock phrases: boilerplate only.
    static let minimumResidue = 30
    /// A quote is cut to this many characters.
    static let quoteLimit = 60

    static let emptyAnswers: Set = ["无", "暂无", "没有", "无问题", "不存在", "本年度无", "无相关情况"]

    static let problemWords = [
        "问题", "不足", "差距", "短板", "薄弱", "弱项", "有待", "不够", "不高", "不强", "不到位", "不及时", "不全面", "不规范",
        "不完善", "不充分", "欠缺", "滞后", "尚需", "仍需", "还需", "需进一步", "亟需", "单一", "局限", "较少", "缺乏", "偏少", "不多",
    ]

    static let measureWords = ["下一步", "改进", "整改", "措施", "将", "今后", "计划", "拟", "推进", "加强", "完善", "提升"]

    /// Phrases that say nothing about this agency's year: taken out before the residue is counted.
    static let stockPhrases = [
        "知情权、参与权、表达权和监督权", "知情权、参与权和监督权", "知情权、参与权、表达权、监督权",
        "取得了一定的成效", "取得了一定成效", "取得一定成效", "取得一定成绩", "取得了一定成绩", "取得了新的进展",
        "还存在一些问题和不足", "存在一些问题和不足", "存在一些不足", "存在一定不足", "仍存在一定差距", "存在一定差距", "存在一些问题",
        "认真贯彻落实", "中华人民共和国政府信息公开条例", "政府信息公开条例", "政府信息公开工作", "政务公开工作", "政府信息公开",
        "进一步加强", "进一步提高", "进一步完善", "不断提高", "不断提升", "切实保障", "人民群众", "工作水平", "工作质量",
        "下一步", "我局", "我单位", "我委", "我办", "我们将", "继续", "虽然", "但是", "同时", "本年度", "主要问题", "改进情况",
    ]

    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard let section = report.section(.problems) else { return [] }
        guard let reason = Self.reason(section.text) else { return [] }
        return [Finding(.problemsGeneric, "第五部分“存在的主要问题及改进情况”\(reason)",
                        at: RuleSupport.location(section.headingLine, in: document))]
    }

    /// Why the text is generic (the message's second half), or nil when it is specific.
    static func reason(_ text: String) -> String? {
        let significant = significantText(text)
        if significant.isEmpty { return "为空，应写明存在的具体问题和改进措施" }
        if emptyAnswers.contains(significant) { return "只写了“\(quote(text))”，应写明存在的具体问题和改进措施" }
        if significant.count < minimumLength {
            return "过短（\(significant.count) 字，少于 \(minimumLength) 字），未写明具体问题和改进措施：“\(quote(text))”"
        }
        if !problemWords.contains(where: { significant.contains($0) }) {
            return "未写明存在的具体问题：“\(quote(text))”"
        }
        if !measureWords.contains(where: { significant.contains($0) }) {
            return "未写明改进措施：“\(quote(text))”"
        }
        let residue = residueLength(text)
        if residue < minimumResidue {
            return "只有套话（除套话外仅 \(residue) 字），未写明具体问题和改进措施：“\(quote(text))”"
        }
        return nil
    }

    /// Han characters, letters and digits of `text`, in order.
    static func significantText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isSignificant(scalar) { out.append(scalar) }
        return String(out)
    }

    private static func isSignificant(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x3400...0x4DBF, 0x4E00...0x9FFF: return true
        default: return false
        }
    }

    /// The number of significant characters left once every stock phrase is taken out
    /// (phrases matched on the text as written, punctuation included, then counted without it).
    static func residueLength(_ text: String) -> Int {
        var scalars = Array(text.unicodeScalars)
        for phrase in stockPhrases {
            let needle = Array(phrase.unicodeScalars)
            var from = 0
            while let at = ScalarText.find(needle, in: scalars, from: from) {
                scalars.removeSubrange(at..<(at + needle.count))
                from = at
            }
        }
        return scalars.reduce(0) { $0 + (isSignificant($1) ? 1 : 0) }
    }

    /// The text with white space collapsed, cut to `quoteLimit` characters.
    static func quote(_ text: String) -> String {
        var out = ""
        var count = 0
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            if count == quoteLimit { return out + "…" }
            out.append(character)
            count += 1
        }
        return out
    }
}
