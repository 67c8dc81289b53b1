/// The six sections every report has, in template order.
public enum SectionKind: Int, Sendable, Hashable, CaseIterable, Codable {
    case overview = 1
    case proactiveDisclosure
    case applications
    case reviewAndLitigation
    case problems
    case otherMatters

    /// The template heading, e.g. "一、总体情况".
    public var heading: String {
        switch self {
        case .overview: return "一、总体情况"
        case .proactiveDisclosure: return "二、主动公开政府信息情况"
        case .applications: return "三、收到和处理政府信息公开申请情况"
        case .reviewAndLitigation: return "四、政府信息公开行政复议、行政诉讼情况"
        case .problems: return "五、存在的主要问题及改进情况"
        case .otherMatters: return "六、其他需要报告的事项"
        }
    }

    /// The Chinese ordinal used in findings, "一" … "六".
    public var numeral: String { ["一", "二", "三", "四", "五", "六"][rawValue - 1] }
}

/// A section found in the report.
public struct Section: Sendable, Hashable {
    public var kind: SectionKind
    /// Index into `SourceDocument.lines` of the heading line.
    public var headingLine: Int
    /// Indices of the body lines (after the heading, before the next section heading).
    public var bodyLines: Range<Int>
    /// The body text with line breaks removed (narrative wrapped by PDF extraction is rejoined).
    public var text: String

    public init(kind: SectionKind, headingLine: Int, bodyLines: Range<Int>, text: String) {
        self.kind = kind
        self.headingLine = headingLine
        self.bodyLines = bodyLines
        self.text = text
    }
}
