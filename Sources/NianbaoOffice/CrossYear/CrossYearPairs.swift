import NianbaoEngine

extension CrossYearCheck {
    /// An agency's name as matched across years: ``AgencyName/bareKey(_:)`` without leading
    /// province, city or prefecture names ("淮安市洪泽区人民政府" and "洪泽区人民政府" share
    /// the key 洪泽区), as the daemon matches a report with the year before.
    public static func agencyKey(_ name: String) -> String {
        var key = Substring(AgencyName.bareKey(name))
        while true {
            var cut: Substring.Index?
            for unit in leadingUnits {
                if let range = key.range(of: unit), range.lowerBound > key.startIndex,
                   key.distance(from: key.startIndex, to: range.lowerBound) <= 6, key.distance(from: range.upperBound, to: key.endIndex) >= 2 {
                    cut = min(cut ?? range.upperBound, range.upperBound)
                }
            }
            guard let cut else { return String(key) }
            key = key[cut...]
        }
    }

    /// Units whose name may lead an agency's name in one year's title and not the next.
    static let leadingUnits: [String] = ["自治区", "省", "市", "自治州", "州", "盟", "地区"]

    /// The cross-year findings, anomalies included, among a batch of reports (`nianbao check A B …`): each report
    /// is compared with the first report in `inputs` of the same agency (``agencyKey(_:)``)
    /// and the year before. Returns the findings per index of `inputs`, only for reports
    /// that have some; the same findings whatever the order of `inputs` for a pair.
    public static func among(_ inputs: [Input]) -> [Int: [Finding]] {
        var byAgencyYear: [String: [Int: Int]] = [:]
        var keys: [String?] = []
        for (index, input) in inputs.enumerated() {
            guard let agency = input.report.agency, !agency.isEmpty, let year = input.report.year else {
                keys.append(nil)
                continue
            }
            let key = agencyKey(agency)
            keys.append(key)
            if byAgencyYear[key, default: [:]][year] == nil { byAgencyYear[key, default: [:]][year] = index }
        }
        var out: [Int: [Finding]] = [:]
        for (index, input) in inputs.enumerated() {
            guard let key = keys[index], let year = input.report.year, year > Int.min,
                  let previous = byAgencyYear[key]?[year - 1] else { continue }
            let findings = checkWithAnomalies(thisYear: input, lastYear: inputs[previous])
            if !findings.isEmpty { out[index] = findings }
        }
        return out
    }
}
