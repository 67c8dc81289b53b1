/// Turns a source document into a `Report`: identity (title, agency, year,
/// dates), the six sections and the three tables. Never fails; what cannot be
/// read becomes a parse finding. One pass over the lines per stage, no regex.
struct ReportParser {
    let document: SourceDocument

    func parse() -> Report {
        var lines: [[Unicode.Scalar]] = []
        var unchanged: [Bool] = []
        lines.reserveCapacity(document.lines.count)
        unchanged.reserveCapacity(document.lines.count)
        for line in document.lines {
            let (scalars, same) = ScalarText.normalizedKeepingTrack(line.text)
            lines.append(scalars)
            unchanged.append(same)
        }
        let headings = SectionFinder.find(in: lines)
        let original = lines
        if let body = PageChrome.blanked(lines, firstSection: headings.first?.start.line, lastSection: headings.last?.start.line) {
            for index in lines.indices where body[index].isEmpty && !lines[index].isEmpty { unchanged[index] = false }
            lines = body
        }
        let sections = SectionBuilder.sections(headings, lines: lines, source: SectionBuilder.Source(lines: document.lines, unchanged: unchanged))
        var report = Report()
        report.sections = sections

        let header = HeaderReader.read(original, body: lines, firstSection: headings.first?.start.line) {
            sections.first { $0.kind == .overview }.map { ScalarText.of($0.text) }
        }
        report.title = header.title
        report.titleLine = header.titleLine
        report.agency = header.agency
        report.year = header.year
        report.published = header.published
        report.publishedLine = header.publishedLine
        report.signed = header.signed
        report.signedLine = header.signedLine

        if let region = region(of: .proactiveDisclosure, headings, lines) {
            let result = Table1Parser(lines: document.lines, normalized: lines).parse(TableTokenizer.items(lines: lines, from: region.0, to: region.1),
                                                                   startLine: region.0.line)
            report.table1 = result.table
            report.parseFindings.append(contentsOf: result.findings)
        }
        if let region = region(of: .applications, headings, lines) {
            let result = Table2Parser(lines: document.lines, normalized: lines).parse(TableTokenizer.items(lines: lines, from: region.0, to: region.1),
                                                                   startLine: region.0.line)
            report.table2 = result.table
            report.parseFindings.append(contentsOf: result.findings)
        }
        if let region = region(of: .reviewAndLitigation, headings, lines) {
            let result = Table3Parser(lines: document.lines, normalized: lines).parse(TableTokenizer.items(lines: lines, from: region.0, to: region.1),
                                                                   startLine: region.0.line)
            report.table3 = result.table
            report.parseFindings.append(contentsOf: result.findings)
        }
        report.template = TemplateDecider.template(table1: report.table1, table2: report.table2)
        return report
    }

    /// From the end of a section's heading to the start of the next heading (or the end of the document).
    private func region(of kind: SectionKind, _ headings: [SectionHeading], _ lines: [[Unicode.Scalar]]) -> (TextPosition, TextPosition)? {
        guard let index = headings.firstIndex(where: { $0.kind == kind }) else { return nil }
        let end = index + 1 < headings.count
            ? headings[index + 1].start
            : TextPosition(line: lines.count, offset: 0)
        return (headings[index].end, end)
    }
}
