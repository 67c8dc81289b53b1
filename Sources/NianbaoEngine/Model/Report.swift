/// A report as the parser understood it. Every value keeps where it came from.
public struct Report: Sendable, Hashable {
    /// The title as printed, and its line.
    public var title: String?
    public var titleLine: Int?
    /// The agency that issued the report (from the title or signature), e.g. 聊城市商务和投资促进局.
    public var agency: String?
    /// The report year (the statistical year), e.g. 2021.
    public var year: Int?
    /// 发布时间 / 发布日期 when stated, and its line.
    public var published: CivilDate?
    public var publishedLine: Int?
    /// The signature date at the end, when stated, and its line.
    public var signed: CivilDate?
    public var signedLine: Int?
    /// The template, decided from the tables' shape (nil if no table 2 could be read).
    public var template: Template?
    /// Sections found, in document order.
    public var sections: [Section]
    public var table1: Table1?
    public var table2: Table2?
    public var table3: Table3?
    /// Findings raised while parsing (unreadable table, extra columns ignored, …).
    public var parseFindings: [Finding]

    public init(
        title: String? = nil, titleLine: Int? = nil, agency: String? = nil, year: Int? = nil,
        published: CivilDate? = nil, publishedLine: Int? = nil, signed: CivilDate? = nil, signedLine: Int? = nil,
        template: Template? = nil, sections: [Section] = [], table1: Table1? = nil, table2: Table2? = nil,
        table3: Table3? = nil, parseFindings: [Finding] = []
    ) {
        self.title = title
        self.titleLine = titleLine
        self.agency = agency
        self.year = year
        self.published = published
        self.publishedLine = publishedLine
        self.signed = signed
        self.signedLine = signedLine
        self.template = template
        self.sections = sections
        self.table1 = table1
        self.table2 = table2
        self.table3 = table3
        self.parseFindings = parseFindings
    }

    /// The first section of a kind, if found.
    public func section(_ kind: SectionKind) -> Section? {
        sections.first { $0.kind == kind }
    }
}
