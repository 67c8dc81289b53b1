/// Scans narrative text clause by clause (split at "。，；！？" and line breaks)
/// for the figures of `NarrativeFigures`. Plain scalar matching, no regular
/// expressions; each clause is read once per figure family.
struct NarrativeScanner {
    private let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    func scan(into figures: inout NarrativeFigures) {
        var start = 0
        for index in 0...scalars.count {
            if index == scalars.count || NarrativeScanner.isClauseBreak(scalars[index]) {
                if index > start { scanClause(Clause(scalars[start..<index]), into: &figures) }
                start = index + 1
            }
        }
    }

    static func isClauseBreak(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "，", ",", "；", ";", "！", "!", "？", "?", "\n", "\r": return true
        default: return false
        }
    }

    private func scanClause(_ clause: Clause, into figures: inout NarrativeFigures) {
        let aboutReview = clause.contains("复议") || clause.contains("诉讼")
        if aboutReview {
            scanReview(clause, into: &figures)
            return
        }
        scanReceived(clause, into: &figures)
        scanDisclosed(clause, into: &figures)
        scanCarriedForward(clause, into: &figures)
    }

    // MARK: applications received, or none

    private static let receivedKeywords = ["收到", "受理", "新收", "接收"]
    private static let receivedExclusions = ["结转", "咨询", "投诉", "建议", "提案", "留言", "来信", "来电", "信访", "热线", "办结", "答复"]
    private static let negations = ["未收到", "没有收到", "未接到", "未受理", "没有受理"]

    private func scanReceived(_ clause: Clause, into figures: inout NarrativeFigures) {
        guard clause.contains("申请") || clause.contains("政府信息公开") else { return }
        guard !NarrativeScanner.receivedExclusions.contains(where: clause.contains) else { return }
        for negation in NarrativeScanner.negations {
            if let at = clause.find(negation), clause.find("申请", from: at) != nil, clause.figure(after: at, maxGap: 40) == nil {
                figures.noApplications.append(NarrativeFigure(value: 0, quote: clause.text))
                return
            }
        }
        for keyword in NarrativeScanner.receivedKeywords {
            guard let at = clause.find(keyword) else { continue }
            if at > clause.start, ["未", "没"].contains(clause.scalars[at - 1]) { continue }
            if let value = clause.figure(after: at + keyword.unicodeScalars.count, maxGap: 24) {
                figures.received.append(NarrativeFigure(value: value, quote: clause.text))
                return
            }
        }
    }

    // MARK: disclosed

    private func scanDisclosed(_ clause: Clause, into figures: inout NarrativeFigures) {
        guard let at = clause.find("予以公开") else { return }
        if at > clause.start, clause.scalars[at - 1] == "不" { return }
        let after = at + 4
        for joined in ["及部分公开", "和部分公开", "与部分公开"] where clause.hasPrefix(joined, at: after) {
            if let value = clause.figure(after: after + joined.unicodeScalars.count, maxGap: 6, fillerOnly: true) {
                figures.disclosedOrPartly.append(NarrativeFigure(value: value, quote: clause.text))
            }
            return
        }
        if let value = clause.figure(after: after, maxGap: 6, fillerOnly: true) {
            figures.disclosed.append(NarrativeFigure(value: value, quote: clause.text))
        }
    }

    // MARK: carried forward

    private static let carryKeywords = ["结转下", "结转至下", "结转到下", "转入下", "顺延到下", "顺延至下", "延续到下", "留转下"]

    private func scanCarriedForward(_ clause: Clause, into figures: inout NarrativeFigures) {
        for keyword in NarrativeScanner.carryKeywords {
            guard let at = clause.find(keyword) else { continue }
            if let value = clause.lastFigure(before: at) ?? clause.figure(after: at + keyword.unicodeScalars.count, maxGap: 12) {
                figures.carriedForward.append(NarrativeFigure(value: value, quote: clause.text))
            }
            return
        }
    }

    // MARK: review and litigation

    private func scanReview(_ clause: Clause, into figures: inout NarrativeFigures) {
        var stated = false
        if let at = clause.find("行政复议") ?? clause.find("复议"),
           let value = clause.figure(after: at + (clause.hasPrefix("行政复议", at: at) ? 4 : 2), maxGap: 6, fillerOnly: true) {
            figures.review.append(NarrativeFigure(value: value, quote: clause.text))
            stated = true
        }
        if let at = clause.find("诉讼"), let value = clause.figure(after: at + 2, maxGap: 6, fillerOnly: true) {
            figures.litigation.append(NarrativeFigure(value: value, quote: clause.text))
            stated = true
        }
        guard !stated, !clause.hasFigure else { return }
        scanDenial(clause, into: &figures)
    }

    private static let denialBlockers = ["纠", "败诉", "错", "未经", "尚未", "维持", "撤销"]

    private func scanDenial(_ clause: Clause, into figures: inout NarrativeFigures) {
        guard !NarrativeScanner.denialBlockers.contains(where: clause.contains) else { return }
        for negation in ["没有", "无", "未", "零"] {
            guard let at = clause.find(negation) else { continue }
            guard let target = clause.find("复议", from: at) ?? clause.find("诉讼", from: at), target - at <= 18 else { continue }
            let review = clause.find("复议", from: at) != nil
            let litigation = clause.find("诉讼", from: at) != nil
            figures.denials.append(NarrativeDenial(review: review, litigation: litigation, quote: clause.text))
            return
        }
    }
}
