/// Scans narrative text clause by clause (split at "。，；！？" and line breaks)
/// for the figures of `NarrativeFigures`. Plain scalar matching, no regular
/// expressions; each clause is read once per figure family.
struct NarrativeScanner {
    private let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = ScalarText.of(text)
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

    /// Scalars without which a clause states nothing the scanner collects:
    /// 件 (a figure) or a negation (未, 没, 无, 零).
    static func isTrigger(_ s: Unicode.Scalar) -> Bool {
        s == "件" || s == "未" || s == "没" || s == "无" || s == "零"
    }

    static func isClauseBreak(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "，", ",", "；", ";", "！", "!", "？", "?", "\n", "\r": return true
        default: return false
        }
    }

    private func scanClause(_ clause: Clause, into figures: inout NarrativeFigures) {
        guard clause.scalars.contains(where: { NarrativeScanner.isTrigger($0) }) else { return }
        let aboutReview = clause.contains(Words.review) || clause.contains(Words.litigation)
        if aboutReview {
            scanReview(clause, into: &figures)
            return
        }
        scanReceived(clause, into: &figures)
        scanDisclosed(clause, into: &figures)
        scanCarriedForward(clause, into: &figures)
    }

    // MARK: applications received, or none

    private static let receivedKeywords: [Needle] = ["收到", "受理", "新收", "接收"]
    private static let receivedExclusions: [Needle] = ["结转", "咨询", "投诉", "建议", "提案", "留言", "来信", "来电", "信访", "热线", "办结", "答复"]
    private static let negations: [Needle] = ["未收到", "没有收到", "未接到", "未受理", "没有受理"]

    private func scanReceived(_ clause: Clause, into figures: inout NarrativeFigures) {
        guard clause.contains(Words.application) || clause.contains(Words.disclosure) else { return }
        guard !NarrativeScanner.receivedExclusions.contains(where: clause.contains) else { return }
        for negation in NarrativeScanner.negations {
            if let at = clause.find(negation), clause.find(Words.application, from: at) != nil, clause.figure(after: at, maxGap: 40) == nil {
                figures.noApplications.append(NarrativeFigure(value: 0, quote: clause.text))
                return
            }
        }
        for keyword in NarrativeScanner.receivedKeywords {
            guard let at = clause.find(keyword) else { continue }
            if at > clause.start, ["未", "没"].contains(clause.scalars[at - 1]) { continue }
            if let value = clause.figure(after: at + keyword.count, maxGap: 24) {
                figures.received.append(NarrativeFigure(value: value, quote: clause.text))
                return
            }
        }
    }

    // MARK: disclosed

    private func scanDisclosed(_ clause: Clause, into figures: inout NarrativeFigures) {
        guard let at = clause.find(Words.disclosed) else { return }
        if at > clause.start, clause.scalars[at - 1] == "不" { return }
        let after = at + 4
        for joined in Words.andPartly where clause.hasPrefix(joined, at: after) {
            if let value = clause.figure(after: after + joined.count, maxGap: 6, fillerOnly: true) {
                figures.disclosedOrPartly.append(NarrativeFigure(value: value, quote: clause.text))
            }
            return
        }
        if let value = clause.figure(after: after, maxGap: 6, fillerOnly: true) {
            figures.disclosed.append(NarrativeFigure(value: value, quote: clause.text))
        }
    }

    // MARK: carried forward

    private static let carryKeywords: [Needle] = ["结转下", "结转至下", "结转到下", "转入下", "顺延到下", "顺延至下", "延续到下", "留转下"]

    private func scanCarriedForward(_ clause: Clause, into figures: inout NarrativeFigures) {
        for keyword in NarrativeScanner.carryKeywords {
            guard let at = clause.find(keyword) else { continue }
            if let value = clause.lastFigure(before: at) ?? clause.figure(after: at + keyword.count, maxGap: 12) {
                figures.carriedForward.append(NarrativeFigure(value: value, quote: clause.text))
            }
            return
        }
    }

    // MARK: review and litigation

    private func scanReview(_ clause: Clause, into figures: inout NarrativeFigures) {
        var stated = false
        if let at = clause.find(Words.administrativeReview) ?? clause.find(Words.review),
           let value = clause.figure(after: at + (clause.hasPrefix(Words.administrativeReview, at: at) ? 4 : 2), maxGap: 6, fillerOnly: true) {
            figures.review.append(NarrativeFigure(value: value, quote: clause.text))
            stated = true
        }
        if let at = clause.find(Words.litigation), let value = clause.figure(after: at + 2, maxGap: 6, fillerOnly: true) {
            figures.litigation.append(NarrativeFigure(value: value, quote: clause.text))
            stated = true
        }
        guard !stated, !clause.hasFigure else { return }
        scanDenial(clause, into: &figures)
    }

    private static let denialBlockers: [Needle] = ["纠", "败诉", "错", "未经", "尚未", "维持", "撤销"]
    private static let denialWords: [Needle] = ["没有", "无", "未", "零"]

    private func scanDenial(_ clause: Clause, into figures: inout NarrativeFigures) {
        guard !NarrativeScanner.denialBlockers.contains(where: clause.contains) else { return }
        for negation in NarrativeScanner.denialWords {
            guard let at = clause.find(negation) else { continue }
            let review = clause.find(Words.review, from: at)
            let litigation = clause.find(Words.litigation, from: at)
            guard let target = review ?? litigation, target - at <= 18 else { continue }
            figures.denials.append(NarrativeDenial(review: review != nil, litigation: litigation != nil, quote: clause.text))
            return
        }
    }
}

/// The words the scanner looks for, built once.
private enum Words {
    static let application: Needle = "申请"
    static let disclosure: Needle = "政府信息公开"
    static let disclosed: Needle = "予以公开"
    static let andPartly: [Needle] = ["及部分公开", "和部分公开", "与部分公开"]
    static let administrativeReview: Needle = "行政复议"
    static let review: Needle = "复议"
    static let litigation: Needle = "诉讼"
}
