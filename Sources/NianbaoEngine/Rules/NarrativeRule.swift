/// Narrative figures that contradict the tables (warnings): `narrative.received`,
/// `narrative.disclosed`, `narrative.carried_forward`, `narrative.no_applications`,
/// `narrative.review_litigation`, `narrative.no_review_litigation`. The narrative is
/// scanned once; a figure is compared only when the table value can be read.
struct NarrativeRule: Rule {
    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard report.table2 != nil || report.table3 != nil else { return [] }
        let figures = NarrativeFigures(report: report, document: document)
        var findings: [Finding] = []
        if let table = report.table2 {
            findings += applications(figures, table, report, document)
        }
        if let table = report.table3 {
            findings += reviews(figures, table, report, document)
        }
        return findings
    }

    private func applications(_ figures: NarrativeFigures, _ table: Table2, _ report: Report, _ document: SourceDocument) -> [Finding] {
        var findings: [Finding] = []
        let locate = { (quote: String) in NarrativeRule.locate(quote, report, document) }
        if let received = RuleSupport.effectiveTotal(table, .received) {
            let withCarried = RuleSupport.effectiveTotal(table, .carriedOver).flatMap { RuleSupport.sum([received, $0]) }
            for figure in unique(figures.received) where figure.value != received && figure.value != withCarried {
                findings.append(Finding(.narrativeReceived, "正文称“\(figure.quote)”，与表二 一、本年新收政府信息公开申请数量 · 总计 \(received) 不符", at: locate(figure.quote)))
            }
            if received > 0, let figure = figures.noApplications.first {
                findings.append(Finding(.narrativeNoApplications, "正文称“\(figure.quote)”，但表二本年新收政府信息公开申请 \(received) 件", at: locate(figure.quote)))
            }
        }
        if let disclosed = RuleSupport.effectiveTotal(table, .disclosed) {
            for figure in unique(figures.disclosed) where figure.value != disclosed {
                findings.append(Finding(.narrativeDisclosed, "正文称“\(figure.quote)”，与表二 （一）予以公开 · 总计 \(disclosed) 不符", at: locate(figure.quote)))
            }
            if let partly = RuleSupport.effectiveTotal(table, .partlyDisclosed), let both = RuleSupport.sum([disclosed, partly]) {
                for figure in unique(figures.disclosedOrPartly) where figure.value != both {
                    findings.append(Finding(.narrativeDisclosed, "正文称“\(figure.quote)”，与表二 （一）予以公开加（二）部分公开 · 总计 \(both) 不符", at: locate(figure.quote)))
                }
            }
        }
        if let carried = RuleSupport.effectiveTotal(table, .carriedForward) {
            for figure in unique(figures.carriedForward) where figure.value != carried {
                findings.append(Finding(.narrativeCarriedForward, "正文称“\(figure.quote)”，与表二 四、结转下年度继续办理 · 总计 \(carried) 不符", at: locate(figure.quote)))
            }
        }
        return findings
    }

    private func reviews(_ figures: NarrativeFigures, _ table: Table3, _ report: Report, _ document: SourceDocument) -> [Finding] {
        var findings: [Finding] = []
        let locate = { (quote: String) in NarrativeRule.locate(quote, report, document) }
        let review = RuleSupport.effectiveTotal(table, .review)
        let direct = RuleSupport.effectiveTotal(table, .suitDirect)
        let afterReview = RuleSupport.effectiveTotal(table, .suitAfterReview)
        let litigation = direct.flatMap { d in afterReview.flatMap { RuleSupport.sum([d, $0]) } }
        if let review {
            for figure in unique(figures.review) where figure.value != review {
                findings.append(Finding(.narrativeReviewLitigation, "正文称“\(figure.quote)”，与表三 行政复议 · 总计 \(review) 不符", at: locate(figure.quote)))
            }
        }
        if let litigation {
            for figure in unique(figures.litigation) where figure.value != litigation {
                findings.append(Finding(.narrativeReviewLitigation, "正文称“\(figure.quote)”，与表三 行政诉讼总计 \(litigation) 不符（未经复议直接起诉与复议后起诉之和）", at: locate(figure.quote)))
            }
        }
        for denial in figures.denials {
            let reviewed = denial.review && (review ?? 0) > 0
            let sued = denial.litigation && (litigation ?? 0) > 0
            guard reviewed || sued else { continue }
            findings.append(Finding(.narrativeNoReview, "正文称“\(denial.quote)”，但表三行政复议 \(review ?? 0) 件、行政诉讼 \(litigation ?? 0) 件", at: locate(denial.quote)))
            break
        }
        return findings
    }

    /// The figures without repeats, first occurrences in order (the lists are short:
    /// a linear scan beats hashing the quotes).
    private func unique(_ figures: [NarrativeFigure]) -> [NarrativeFigure] {
        guard figures.count > 1 else { return figures }
        var kept: [NarrativeFigure] = []
        kept.reserveCapacity(figures.count)
        for figure in figures where !kept.contains(figure) { kept.append(figure) }
        return kept
    }

    /// The location of the narrative line holding the start of `quote`, else of section 一's heading.
    static func locate(_ quote: String, _ report: Report, _ document: SourceDocument) -> String? {
        let key = String(quote.prefix(6))
        for section in report.sections where [.overview, .applications, .reviewAndLitigation].contains(section.kind) {
            let lower = max(0, section.bodyLines.lowerBound)
            let upper = min(document.lines.count, section.bodyLines.upperBound)
            guard !key.isEmpty, lower < upper else { continue }
            for index in lower..<upper where Utf8Search.contains(document.lines[index].text, key) {
                return document.lines[index].location
            }
        }
        return RuleSupport.location(report.section(.overview)?.headingLine, in: document)
    }
}
