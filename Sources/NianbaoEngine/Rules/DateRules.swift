/// `date.published_late`: the publication date (else the signature date) is past
/// the deadline for the agency's level in the year after the report year.
struct DeadlineRule: Rule {
    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard let year = report.year, let agency = report.agency, let level = AgencyLevel(agency: agency) else { return [] }
        let (date, line, kind): (CivilDate?, Int?, String) = report.published != nil
            ? (report.published, report.publishedLine, "发布日期")
            : (report.signed, report.signedLine, "落款日期")
        guard let date, date.isValid, year < Int.max else { return [] }
        let deadline = level.deadline(forReportYear: year)
        guard date > deadline else { return [] }
        return [Finding(.publishedLate, "\(kind) \(date.chinese) 晚于公布期限：\(level.name)应于 \(deadline.chinese)前公布年度报告（\(agency)）",
                        at: RuleSupport.location(line, in: document))]
    }
}

/// `date.years_disagree`: the title's year, the statistical period's year and the
/// date (signature, else publication, in the following year) disagree.
struct YearsAgreeRule: Rule {
    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        let titleYear = report.title.flatMap(YearReading.firstYear(in:))
        let periodYear = YearReading.periodYear(document, before: report.section(.proactiveDisclosure)?.headingLine)
        var findings: [Finding] = []
        if let titleYear, let otherYear = periodYear ?? report.year, titleYear != otherYear {
            let what = periodYear != nil ? "统计期限" : "报告年度"
            findings.append(Finding(.yearsDisagree, "标题年度 \(titleYear) 年与\(what) \(otherYear) 年不一致",
                                    at: RuleSupport.location(report.titleLine, in: document)))
        }
        guard let base = titleYear ?? report.year ?? periodYear, base < Int.max else { return findings }
        let (date, line, kind): (CivilDate?, Int?, String) = report.signed != nil
            ? (report.signed, report.signedLine, "落款日期")
            : (report.published, report.publishedLine, "发布日期")
        if let date, date.year != base + 1 {
            findings.append(Finding(.yearsDisagree, "\(kind) \(date.chinese) 与报告年度 \(base) 年不符：应在 \(base + 1) 年",
                                    at: RuleSupport.location(line, in: document)))
        }
        return findings
    }
}

/// `date.signature_missing` (info): neither a signature date nor a publication date.
struct SignatureDateRule: Rule {
    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard report.signed == nil, report.published == nil else { return [] }
        return [Finding(.signatureDateMissing, "未找到落款日期或发布日期，无法核对公布期限")]
    }
}
