/// A report of the year that could not be put against exactly one roster entry.
public struct UnmatchedReport: Sendable, Hashable, Codable {
    /// Why.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The report names no agency.
        case noAgency = "no_agency"
        /// The report names no year (listed under every year: it may be anyone's report).
        case noYear = "no_year"
        /// The name matches no roster entry.
        case noEntry = "no_entry"
        /// The name matches two or more entries.
        case ambiguous
    }

    /// "drop/relative/path".
    public var file: String
    /// The agency name the report gives, if any.
    public var agency: String?
    /// Why it fits no single entry.
    public var reason: Reason
    /// For `.ambiguous`: the roster names it matches.
    public var candidates: [String]

    /// An unmatched report.
    public init(file: String, agency: String?, reason: Reason, candidates: [String] = []) {
        self.file = file
        self.agency = agency
        self.reason = reason
        self.candidates = candidates
    }

    /// Chinese, for the text rendering: "“市商务局”对应多家：洛阳市商务局、淮安市商务局".
    public var explanation: String {
        switch reason {
        case .noAgency: return "未读出报告单位"
        case .noYear: return "未读出报告年度"
        case .noEntry: return "“\(agency ?? "")”不在名单中"
        case .ambiguous: return "“\(agency ?? "")”对应多家：\(candidates.joined(separator: "、"))"
        }
    }
}
