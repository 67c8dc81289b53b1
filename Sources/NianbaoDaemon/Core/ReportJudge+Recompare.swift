import NianbaoOffice

extension ReportJudge {
    /// Compares a judged report with the same agency's report of the year before,
    /// both read and parsed again; nil when either file no longer holds the content
    /// judged (it is judged again then) or cannot be parsed.
    func recompare(_ recompare: Recompare) -> CrossYearUpdate? {
        guard let this = report(recompare.this), let last = report(recompare.previous) else { return nil }
        let findings = CrossYearCheck.checkWithAnomalies(thisYear: this, lastYear: last).map(VerdictRecord.FindingRecord.init)
        return CrossYearUpdate(counterpart: recompare.this, findings: findings, tables: TablesRecord(this.report))
    }
}
