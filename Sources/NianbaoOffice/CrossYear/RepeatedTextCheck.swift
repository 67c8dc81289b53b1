import NianbaoEngine

extension CrossYearCheck {
    /// At or above this share of this year's 4-grams found in last year's section 五, the
    /// section counts as repeated (`NGramSimilarity.n` = 4).
    public static let repeatedTextThreshold = 0.7
    /// Sections with fewer letters and digits than this are not compared ("无。" is no copy).
    public static let repeatedTextMinimumLength = 60
    /// A quoted sentence is cut to this many characters.
    static let quoteLimit = 80

    /// `cross_year.repeated_text`: section 五、存在的主要问题及改进情况 near-identical to last
    /// year's. Similarity is `NGramSimilarity.containment` of this year's text in last
    /// year's; the warning gives the share and quotes the longest sentence of this year's
    /// section that is itself repeated (its own containment at the threshold or above),
    /// or else the sentence with the highest containment.
    public static func repeatedText(thisYear: Input, lastYear: Input) -> [Finding] {
        guard consecutive(thisYear, lastYear),
              let this = thisYear.report.section(.problems)?.text, let last = lastYear.report.section(.problems)?.text
        else { return [] }
        let mine = NGramSimilarity.significant(this)
        guard mine.count >= repeatedTextMinimumLength else { return [] }
        let theirs = NGramSimilarity.grams(NGramSimilarity.significant(last))
        let share = NGramSimilarity.containment(NGramSimilarity.grams(mine), in: theirs)
        guard share >= repeatedTextThreshold else { return [] }
        let percent = Int((share * 100).rounded(.down))
        var message = "第五部分“存在的主要问题及改进情况”与上年《\(lastYear.file)》高度雷同（\(percent)% 的文字相同）"
        if let quote = sharedSentence(this, theirs) { message += "，如：“\(quote)”" }
        return [Finding(.crossYearRepeatedText, message)]
    }

    /// The longest repeated sentence of `text`, cut to `quoteLimit` characters.
    static func sharedSentence(_ text: String, _ theirs: Set<NGramSimilarity.Gram>) -> String? {
        let sentences = text.split(whereSeparator: { "。！？；!?;\n".contains($0) })
            .map { $0.trimming(" \t\u{3000}") }
            .filter { NGramSimilarity.significant($0).count >= NGramSimilarity.n }
        let scored = sentences.map { sentence -> (String, Double, Int) in
            let letters = NGramSimilarity.significant(sentence)
            return (sentence, NGramSimilarity.containment(NGramSimilarity.grams(letters), in: theirs), letters.count)
        }
        let repeated = scored.filter { $0.1 >= repeatedTextThreshold }
        let best = repeated.max { $0.2 < $1.2 } ?? scored.max { $0.1 < $1.1 }
        guard let sentence = best?.0 else { return nil }
        return sentence.count > quoteLimit ? String(sentence.prefix(quoteLimit)) + "…" : sentence
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters of `set`.
    func trimming(_ set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
