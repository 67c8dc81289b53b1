/// Tells which 表二 row a (possibly garbled, possibly wrapped) label means:
/// first by the sub-row's own keywords ("信访" is （五）1 whatever group label
/// stands near it), then by group marker "（三）"/"(三)"/"()" and group words
/// with the item number "4." within the group.
struct Table2RowClassifier {
    /// The group of numbered rows the last labels were in: 3 不予公开, 4 无法提供, 5 不予处理, 6 其他处理.
    private(set) var group: Int?

    private static let received = [Keyword("本年新收"), Keyword("新收政府信息")]
    private static let carriedOver = [Keyword("上年结转")]
    private static let carriedForward = [Keyword("结转下年"), Keyword("下年度继续")]
    private static let groupWords: [(Int, Keyword)] = [
        (3, Keyword("不予公开")), (4, Keyword("无法提供")), (5, Keyword("不予处理")), (6, Keyword("其他处理")),
        (2, Keyword("部分公开")), (1, Keyword("予以公开")), (7, Keyword("总计")),
    ]
    private static let results = Keyword("办理结果")
    private static let rowKeywords: [(Table2Row, [Keyword])] = [
        (.withheldStateSecret, [Keyword("国家秘密")]),
        (.withheldLawForbids, [Keyword("禁止公开"), Keyword("法律行政法规"), Keyword("其他法律")]),
        (.withheldThreeSecurities, [Keyword("三安全"), Keyword("一稳定")]),
        (.withheldThirdParty, [Keyword("第三方")]),
        (.withheldInternalAffairs, [Keyword("内部事务")]),
        (.withheldProcess, [Keyword("过程性")]),
        (.withheldEnforcementFile, [Keyword("执法案卷")]),
        (.withheldQuery, [Keyword("查询事项")]),
        (.unavailableNotHeld, [Keyword("不掌握")]),
        (.unavailableNeedsCreation, [Keyword("另行制作"), Keyword("现成信息")]),
        (.unavailableUnclear, [Keyword("不明确"), Keyword("补正后")]),
        (.notProcessedComplaint, [Keyword("信访"), Keyword("举报投诉")]),
        (.notProcessedRepeated, [Keyword("重复申请")]),
        (.notProcessedPublication, [Keyword("出版物")]),
        (.notProcessedExcessive, [Keyword("大量反复")]),
        (.notProcessedConfirmation, [Keyword("确认或重新"), Keyword("重新出具")]),
        (.otherOverdueCorrection, [Keyword("逾期不补正")]),
        (.otherUnpaidFee, [Keyword("缴纳费用"), Keyword("收费通知")]),
    ]
    private static let groupRows: [Int: [Table2Row]] = [
        3: [.withheldStateSecret, .withheldLawForbids, .withheldThreeSecurities, .withheldThirdParty,
            .withheldInternalAffairs, .withheldProcess, .withheldEnforcementFile, .withheldQuery],
        4: [.unavailableNotHeld, .unavailableNeedsCreation, .unavailableUnclear],
        5: [.notProcessedComplaint, .notProcessedRepeated, .notProcessedPublication, .notProcessedExcessive, .notProcessedConfirmation],
        6: [.otherOverdueCorrection, .otherUnpaidFee, .otherOther],
    ]

    /// Whether a text fragment starts a new label: "一、", "（三）", "()", "4.".
    static func startsLabel(_ text: [Unicode.Scalar]) -> Bool {
        guard let first = text.first else { return false }
        if ScalarText.chineseNumeral(first) != nil, text.count > 1, text[1] == "、" { return true }
        if ScalarText.isOpenParen(first), text.count > 1 {
            if ScalarText.isCloseParen(text[1]) { return true }
            if ScalarText.chineseNumeral(text[1]) != nil, text.count > 2, ScalarText.isCloseParen(text[2]) { return true }
        }
        return itemNumber(text, from: 0).map { $0.1 == 0 } ?? false
    }

    /// A label with no values after it: it may open a group ("（三）不予公开").
    mutating func noteHeader(_ label: [Unicode.Scalar]) {
        let text = ScalarText.withoutSpaces(label)
        if Self.results.occurs(in: text) { group = nil }
        if let g = groupOf(text), (3...6).contains(g) { group = g }
    }

    /// The row a label with values means, if any. Only 一/二 are recognised until `started`.
    mutating func classify(_ label: [Unicode.Scalar], started: Bool) -> Table2Row? {
        let text = ScalarText.withoutSpaces(label)
        if Keyword.any(Self.received, in: text) { return .received }
        if Keyword.any(Self.carriedOver, in: text) { return .carriedOver }
        guard started else { return nil }
        if Keyword.any(Self.carriedForward, in: text) { return .carriedForward }
        let explicitGroup = groupOf(text)
        let item = Self.itemNumber(text, from: 0)?.0
        switch explicitGroup {
        case 1: return .disclosed
        case 2: return .partlyDisclosed
        case 7: return .total
        default: break
        }
        // A sub-row's own words identify it wherever its group label fell (a merged,
        // vertically centred group label can land on any of its rows, or after them).
        if let row = Self.keywordRow(text, in: nil) {
            group = Self.groupRows.first { $0.value.contains(row) }?.key
            return row
        }
        if let g = explicitGroup, (3...6).contains(g) { group = g }
        if let g = explicitGroup ?? group {
            if let item, let rows = Self.groupRows[g], item >= 1, item <= rows.count { return rows[item - 1] }
            if explicitGroup == 6, item == nil { return .otherSingle }
        }
        return nil
    }

    /// The group a label names, by its marker "（X）" or, if the marker lost its numeral, by its words.
    private func groupOf(_ text: [Unicode.Scalar]) -> Int? {
        var index = 0
        while index + 2 < text.count {
            if ScalarText.isOpenParen(text[index]), let numeral = ScalarText.chineseNumeral(text[index + 1]),
               numeral <= 7, ScalarText.isCloseParen(text[index + 2]) {
                return numeral
            }
            index += 1
        }
        for (g, word) in Self.groupWords where word.occurs(in: text) { return g }
        return nil
    }

    /// The first "N." / "N、" item number (1…9) in `text`, and where it is.
    static func itemNumber(_ text: [Unicode.Scalar], from: Int) -> (Int, Int)? {
        var index = from
        while index + 1 < text.count {
            let scalar = text[index]
            if ScalarText.isDigit(scalar), index == 0 || !ScalarText.isDigit(text[index - 1]),
               text[index + 1] == "." || text[index + 1] == "、" || text[index + 1] == "．",
               index + 2 >= text.count || !ScalarText.isDigit(text[index + 2]) {
                let value = Int(scalar.value - 0x30)
                if value >= 1 { return (value, index) }
            }
            index += 1
        }
        return nil
    }

    private static func keywordRow(_ text: [Unicode.Scalar], in allowed: [Table2Row]?) -> Table2Row? {
        for (row, words) in rowKeywords where allowed?.contains(row) ?? true {
            if Keyword.any(words, in: text) { return row }
        }
        return nil
    }
}
