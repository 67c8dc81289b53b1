/// `anomaly.correction_rate` (information): a high 纠错率 in 表三 — 结果纠正 over all
/// cases, the three groups together (行政复议, 未经复议直接起诉, 复议后起诉) — above
/// `threshold`, once there are at least `minimumCases` cases. The evaluators and
/// KIROGOVCOMPARE's cockpit look at it: many of the agency's replies are overturned.
/// Cases are counted from the outcomes (维持 + 纠正 + 其他 + 尚未审结), not the 总计 cells,
/// so a wrong 总计 (reported by `table3.group_total`) does not change the rate.
struct CorrectionRateRule: Rule {
    /// Above this share of cases corrected, the rate is pointed out (15 %).
    static let thresholdPercent = 15
    /// Fewer cases than this say nothing about a rate.
    static let minimumCases = 10

    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard let table = report.table3 else { return [] }
        var corrected = 0
        var cases = 0
        for group in Table3Group.allCases {
            for outcome in Table3Outcome.parts {
                guard let value = table[group, outcome]?.count, value >= 0, value < 1_000_000 else { continue }
                cases += value
                if outcome == .corrected { corrected += value }
            }
        }
        guard cases >= Self.minimumCases, corrected * 100 > cases * Self.thresholdPercent else { return [] }
        let percent = (corrected * 1000 / cases + 5) / 10
        return [Finding(.anomalyCorrectionRate,
                        "表三 结果纠正共 \(corrected) 件，占行政复议、行政诉讼 \(cases) 件的 \(percent)%（高于 \(Self.thresholdPercent)%），纠错率偏高",
                        at: RuleSupport.location(table.startLine, in: document))]
    }
}
