/// Scans narrative text clause by clause (split at "。，；！？" and line breaks)
/// for the figures of `NarrativeFigures`. Plain scalar matching, no regular
/// expressions; each clause is read once per figure family. The text is walked
/// once as UTF-8; only clauses holding a trigger (件, 未, 没, 无, 零) are decoded.
struct NarrativeScanner {
    private let text: String

    init(_ text: String) {
        self.text = text
    }

    func scan(into figures: inout NarrativeFigures) {
        var text = text
        text.withUTF8 { NarrativeScanner.scan($0, into: &figures) }
    }

    /// Scans the UTF-8 bytes of a narrative text.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into figures: inout NarrativeFigures) {
        let end = bytes.count
        var index = 0
        var start = 0
        var triggered = false
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                switch lead {
                case 0x2C, 0x3B, 0x21, 0x3F, 0x0A, 0x0D: // , ; ! ? \n \r
                    if triggered { scanClause(bytes, start, index, into: &figures) }
                    triggered = false
                    start = index + 1
                default:
                    break
                }
                index += 1
                continue
            }
            if lead < 0xE0 { index += 2; continue }
            if lead >= 0xF0 || index + 3 > end { index += 4; continue }
            switch lead {
            case 0xE3, 0xEF:
                let b1 = bytes[index + 1], b2 = bytes[index + 2]
                let isBreak = lead == 0xE3
                    ? b1 == 0x80 && b2 == 0x82 // 。
                    : b1 == 0xBC && (b2 == 0x8C || b2 == 0x9B || b2 == 0x81 || b2 == 0x9F) // ，；！？
                if isBreak {
                    if triggered { scanClause(bytes, start, index, into: &figures) }
                    triggered = false
                    start = index + 3
                }
            case 0xE4: // 件 E4 BB B6
                if !triggered { triggered = bytes[index + 1] == 0xBB && bytes[index + 2] == 0xB6 }
            case 0xE6: // 未 E6 9C AA, 没 E6 B2 A1, 无 E6 97 A0
                if !triggered {
                    let b1 = bytes[index + 1], b2 = bytes[index + 2]
                    triggered = (b1 == 0x9C && b2 == 0xAA) || (b1 == 0xB2 && b2 == 0xA1) || (b1 == 0x97 && b2 == 0xA0)
                }
            case 0xE9: // 零 E9 9B B6
                if !triggered { triggered = bytes[index + 1] == 0x9B && bytes[index + 2] == 0xB6 }
            default:
                break
            }
            index += 3
        }
        if triggered && start < end { scanClause(bytes, start, end, into: &figures) }
    }

    /// Decodes `bytes[lo..<hi]` (as `ScalarText.of` would) and scans it as one clause.
    private static func scanClause(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, into figures: inout NarrativeFigures) {
        guard lo < hi else { return }
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: hi - lo) { buffer, initialized in
            var index = lo
            var count = 0
            while let scalar = ScalarText.nextScalar(bytes, &index, hi) {
                buffer[count] = scalar
                count += 1
            }
            initialized = count
        }
        guard !scalars.isEmpty else { return }
        NarrativeScanner().scanClause(Clause(scalars[...]), into: &figures)
    }

    private init() { text = "" }

    /// Scalars without which a clause states nothing the scanner collects:
    /// 件 (a figure) or a negation (未, 没, 无, 零).
    static func isTrigger(_ s: Unicode.Scalar) -> Bool {
        s == "件" || s == "未" || s == "没" || s == "无" || s == "零"
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
