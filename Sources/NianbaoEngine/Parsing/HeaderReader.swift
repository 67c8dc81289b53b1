/// The report's identity: title, agency, year, publication and signature dates.
struct ReportHeader {
    var title: String?
    var titleLine: Int?
    var agency: String?
    var year: Int?
    var published: CivilDate?
    var publishedLine: Int?
    var signed: CivilDate?
    var signedLine: Int?
}

/// Reads `ReportHeader` from the first lines (title, 发布时间) and the last lines (signature).
enum HeaderReader {
    private static let reportWord = Keyword("年度报告")
    private static let publishedTiers: [[Keyword]] = [
        [Keyword("发布时间"), Keyword("发布日期"), Keyword("公开日期"), Keyword("公开时间")],
        [Keyword("成文日期"), Keyword("生成日期")],
        [Keyword("时间："), Keyword("时间:"), Keyword("日期："), Keyword("日期:")],
    ]
    private static let disclosure = Keyword("政府信息公开")
    private static let periodWords = [Keyword("统计期限"), Keyword("统计期"), Keyword("统计时限")]

    /// `overview` gives section 一's text; it is asked for only when no other line states the year.
    /// `lines` are the page as read, `body` the same lines with page chrome blanked (`PageChrome`).
    static func read(_ lines: [[Unicode.Scalar]], body: [[Unicode.Scalar]], firstSection: Int?, overview: () -> [Unicode.Scalar]?) -> ReportHeader {
        var header = ReportHeader()
        // A page saved from a portal puts chrome and a metadata block ("标题：…") above the
        // report's own title: the first title line that is neither wins; a labelled title is
        // used, without its label, only when the page has no other.
        let searchEnd = min(lines.count, max(firstSection ?? 12, 1) + 1, 80)
        var labelled: (line: [Unicode.Scalar], index: Int)?
        for index in 0..<searchEnd where !PageChrome.isChrome(lines[index]) {
            guard let at = ScalarText.find(reportWord.scalars, in: lines[index]) else { continue }
            if PageChrome.isMetadata(lines[index]) {
                if labelled == nil, let title = PageChrome.afterLabel(lines[index]) { labelled = (Array(title), index) }
                continue
            }
            readTitle(lines, index, reportAt: at, into: &header)
            break
        }
        if header.title == nil, let labelled, let at = ScalarText.find(reportWord.scalars, in: labelled.line) {
            var copy = lines
            copy[labelled.index] = labelled.line
            readTitle(copy, labelled.index, reportAt: at, into: &header)
        }
        readPublished(lines, limit: min(lines.count, (header.titleLine ?? 0) + 8), into: &header)
        readSignature(body, into: &header)
        if header.year == nil { header.year = periodYear(lines, overview: overview) }
        return header
    }

    private static func readTitle(_ lines: [[Unicode.Scalar]], _ index: Int, reportAt: Int, into header: inout ReportHeader) {
        let line = lines[index]
        var (lo, hi) = ScalarText.trim(line, 0, line.count)
        while lo < hi, line[lo] == "#" || line[lo] == " " { lo += 1 }
        if hi - lo > 60 {
            // A title inside a longer line: the space-delimited run ending with 年度报告.
            hi = reportAt + reportWord.scalars.count
            lo = reportAt
            while lo > 0, !ScalarText.isSpace(line[lo - 1]), line[lo - 1] != "。", line[lo - 1] != "：" { lo -= 1 }
        }
        guard lo < hi else { return }
        var title = Array(line[lo..<hi])
        var titleLine = index
        // "昌乐县商务局\n2023年政府信息公开工作年度报告": the agency on the line before.
        if ScalarText.isDigit(title[0]), index > 0 {
            var previous = index - 1
            while previous > 0, ScalarText.trim(lines[previous], 0, lines[previous].count).0 == lines[previous].count { previous -= 1 }
            let prev = lines[previous]
            let (plo, phi) = ScalarText.trim(prev, 0, prev.count)
            if plo < phi, phi - plo <= 25, !prev[plo..<phi].contains("。"), !prev[plo..<phi].contains("：") {
                title = Array(prev[plo..<phi]) + title
                titleLine = previous
            }
        }
        header.title = ScalarText.string(title)
        header.titleLine = titleLine
        let compact = ScalarText.withoutSpaces(title)
        header.agency = agency(fromTitle: compact)
        header.year = DateReader.firstYear(in: compact)?.0
    }

    /// The agency named in a title: before the year, or between the year and 政府信息公开.
    static func agency(fromTitle title: [Unicode.Scalar]) -> String? {
        var end = ScalarText.find(disclosure.scalars, in: title) ?? ScalarText.find(reportWord.scalars, in: title) ?? title.count
        var start = 0
        if let (_, yearAt) = DateReader.firstYear(in: title) {
            if yearAt == 0 {
                start = 4
                while start < title.count, title[start] == "年" || title[start] == "度" { start += 1 }
            } else {
                end = min(end, yearAt)
            }
        }
        guard start < end else { return nil }
        return ScalarText.string(title[start..<end])
    }

    /// The publication date: a 发布日期/公开日期/发布时间 label first (a portal's metadata block
    /// states it), then 成文日期/生成日期, then a bare "日期："/"时间：" — never a portal clock.
    private static func readPublished(_ lines: [[Unicode.Scalar]], limit: Int, into header: inout ReportHeader) {
        for tier in publishedTiers {
            for index in 0..<limit where !PageChrome.isClock(lines[index]) {
                let line = lines[index]
                for word in tier {
                    guard let at = ScalarText.find(word.scalars, in: line) else { continue }
                    var cursor = at + word.scalars.count
                    while cursor < line.count, line[cursor] == " " || line[cursor] == ":" || line[cursor] == "：" || line[cursor] == "\t" { cursor += 1 }
                    if let (date, _) = DateReader.date(in: line, at: cursor) {
                        header.published = date
                        header.publishedLine = index
                        return
                    }
                }
            }
        }
    }

    /// A line that is only a date among the last non-empty lines; the line before may name the agency.
    private static func readSignature(_ lines: [[Unicode.Scalar]], into header: inout ReportHeader) {
        var end = lines.count
        if let separator = lines.firstIndex(where: SectionFinder.isSeparator) { end = separator }
        var seen = 0
        var index = end - 1
        while index >= 0, seen < 8 {
            let line = lines[index]
            if ScalarText.trim(line, 0, line.count).0 == line.count || PageChrome.isChrome(line) { index -= 1; continue }
            seen += 1
            if let date = DateReader.lineDate(line) {
                header.signed = date
                header.signedLine = index
                var previous = index - 1
                while previous >= 0, ScalarText.trim(lines[previous], 0, lines[previous].count).0 == lines[previous].count { previous -= 1 }
                if previous >= 0 { adoptSignatureAgency(lines[previous], into: &header) }
                return
            }
            index -= 1
        }
    }

    private static let agencyEndings: Set<Unicode.Scalar> = ["局", "府", "厅", "会", "室", "委", "办", "院", "部", "心", "署", "处", "所", "镇", "乡", "区", "县", "市"]

    private static func adoptSignatureAgency(_ line: [Unicode.Scalar], into header: inout ReportHeader) {
        let (lo, hi) = ScalarText.trim(line, 0, line.count)
        guard lo < hi, hi - lo <= 30, agencyEndings.contains(line[hi - 1]) else { return }
        let signature = ScalarText.withoutSpaces(Array(line[lo..<hi]))
        guard let agency = header.agency else {
            header.agency = ScalarText.string(signature)
            return
        }
        let current = ScalarText.of(agency)
        if signature.count > current.count, signature.suffix(current.count).elementsEqual(current) {
            header.agency = ScalarText.string(signature)
        }
    }

    /// The year of the statistical period, else the first "20XX年" of 总体情况.
    private static func periodYear(_ lines: [[Unicode.Scalar]], overview: () -> [Unicode.Scalar]?) -> Int? {
        for line in lines.prefix(60) {
            for word in periodWords {
                if let at = ScalarText.find(word.scalars, in: line), let (year, _) = DateReader.firstYear(in: line, from: at) {
                    return year
                }
            }
        }
        if let overview = overview(), let (year, _) = DateReader.firstYear(in: overview) { return year }
        return nil
    }
}
