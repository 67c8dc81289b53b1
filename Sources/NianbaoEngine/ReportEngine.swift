/// The report engine: decoded text or a structured document in, a report model,
/// findings and a verdict out. Pure: no files, no clocks, no processes.
public struct ReportEngine: Sendable {
    public init() {}

    /// Parses a document into the report model. Never fails: what cannot be read
    /// becomes `Report.parseFindings`.
    public func parse(_ document: SourceDocument) -> Report {
        ReportParser(document: document).parse()
    }

    /// Applies every rule to a parsed report.
    public func validate(_ report: Report, in document: SourceDocument) -> [Finding] {
        RuleSet.all.flatMap { $0.check(report, document) }
    }

    /// Parses and validates.
    public func assess(_ document: SourceDocument) -> Assessment {
        let report = parse(document)
        var findings = report.parseFindings
        findings.append(contentsOf: validate(report, in: document))
        findings.append(contentsOf: document.notes)
        findings = OCRReview.review(findings, in: document, report: report)
        return Assessment(report: report, findings: findings)
    }
}

/// A report, its findings and the resulting verdict.
public struct Assessment: Sendable, Hashable {
    public var report: Report
    public var findings: [Finding]

    public init(report: Report, findings: [Finding]) {
        self.report = report
        self.findings = findings
    }

    /// fail if any error, else warn if any warning, else pass.
    public var verdict: Verdict { Verdict(findings: findings) }
}
