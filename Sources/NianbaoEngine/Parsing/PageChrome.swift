/// The wrapper around a report saved from a government portal (TRS, Hanweb and the like) or
/// by a crawler: the metadata block ("索引号", "发布机构", "公开日期", "标题：…"), the portal's
/// clock, breadcrumbs, view counters, print/close links, "附件下载" and the site footer.
///
/// Chrome lines are never read as report text or dates; metadata lines are read only for the
/// publication date (发布日期/公开日期) and never as the title or the body.
enum PageChrome {
    /// Words that only page chrome carries (counters with their colon: "访问量达120万人次" is
    /// report text, "访问量：127" is not).
    private static let chromeWords: [Keyword] = [
        "浏览次数：", "浏览次数:", "浏览量：", "浏览量:", "访问量：", "访问量:", "点击数：", "点击数:", "点击量：", "点击量:",
        "阅读次数：", "阅读次数:", "访问次数：", "访问次数:",
        "字号：", "字号:", "【字体", "字体：", "【打印", "打印本页", "关闭窗口", "【关闭", "分享到：", "分享到:",
        "当前位置", "您现在的位置", "您当前的位置", "所在位置", "附件下载", "版权所有", "ICP备", "网站标识码", "公网安备",
        "网站地图", "今天是",
    ].map { Keyword($0) }

    /// Longer lines are text that lost its line breaks (a crawl's one-line page), never
    /// chrome alone: they are kept.
    static let maximumChromeLength = 120
    /// A clock is a short line.
    static let maximumClockLength = 30

    /// Labels of a portal's metadata block.
    private static let metadataLabels: [Keyword] = [
        "索引号", "发布机构", "主题分类", "组配分类", "体裁分类", "生成日期", "公开日期", "发布日期", "成文日期",
        "发布时间", "公开方式", "公开范围", "公开时限", "有效性", "信息来源", "文号：", "文号:", "来源：", "来源:",
        "标题：", "标题:", "名称：", "名称:", "信息名称", "作者：", "责任部门", "关键词",
    ].map { Keyword($0) }

    /// Words after which the rest of a page is footer, once the report's last section has begun.
    private static let footerWords: [Keyword] = [
        "附件下载", "相关链接：", "版权所有", "打印本页", "关闭窗口", "【打印", "【关闭", "网站标识码", "主办单位：",
    ].map { Keyword($0) }

    /// Whether a line is portal chrome: a counter, a link bar, a breadcrumb, a footer, a clock.
    static func isChrome(_ line: [Unicode.Scalar]) -> Bool {
        guard !line.isEmpty, line.count <= maximumChromeLength else { return false }
        return chromeIndex.occurs(in: line) || isClock(line)
    }

    private static let chromeIndex = KeywordIndex(chromeWords)
    private static let footerIndex = KeywordIndex(footerWords)

    /// A portal clock: a date with the day of the week ("2025年12月30日 星期二").
    static func isClock(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count <= maximumClockLength else { return false }
        guard ScalarText.find(week.scalars, in: line) != nil || ScalarText.find(weekday.scalars, in: line) != nil else { return false }
        return DateReader.firstDate(in: line) != nil
    }

    private static let week = Keyword("星期")
    private static let weekday = Keyword("周一")

    /// Whether a line belongs to a metadata block: it starts with one of its labels, or (a
    /// table row) holds two of them. Spaces inside labels ("索 引 号：", "标    题：") are ignored.
    static func isMetadata(_ line: [Unicode.Scalar]) -> Bool {
        let (lo, hi) = ScalarText.trim(line, 0, line.count)
        guard lo < hi, hi - lo <= maximumChromeLength else { return false }
        let compact = ScalarText.withoutSpaces(Array(line[lo..<hi]))
        var count = 0
        for label in metadataLabels {
            guard let at = ScalarText.find(label.scalars, in: compact) else { continue }
            if at == 0 { return true }
            count += 1
            if count >= 2 { return true }
        }
        return false
    }

    /// The text after a metadata label at the start of a line ("标 题：\tX" → X), or nil.
    static func afterLabel(_ line: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar>? {
        let (lo, hi) = ScalarText.trim(line, 0, line.count)
        var cursor = lo
        var letters = 0
        while cursor < hi, line[cursor] != "：", line[cursor] != ":" {
            if !ScalarText.isSpace(line[cursor]) { letters += 1 }
            guard letters <= 6 else { return nil }
            cursor += 1
        }
        guard cursor < hi, letters > 0 else { return nil }
        while cursor < hi, line[cursor] == "：" || line[cursor] == ":" || ScalarText.isSpace(line[cursor]) { cursor += 1 }
        return line[cursor..<hi]
    }

    /// Lines at either end of a page where its wrapper shows, if it has one.
    static let edgeLines = 40

    /// Whether the page has a wrapper at all: chrome or a metadata block among its first or
    /// last `edgeLines` lines (a portal page always has its breadcrumb, metadata, counters or
    /// footer there). Most reports have none, and are not scanned further.
    static func looksSaved(_ lines: [[Unicode.Scalar]], firstSection: Int?) -> Bool {
        let head = min(lines.count, edgeLines)
        for index in 0..<head {
            if isChrome(lines[index]) { return true }
            if index < (firstSection ?? head), isMetadata(lines[index]) { return true }
        }
        for index in max(head, lines.count - edgeLines)..<lines.count where isChrome(lines[index]) { return true }
        return false
    }

    /// The lines with chrome blanked: chrome lines anywhere, metadata lines before the first
    /// section heading, and everything from a footer word on once the last section has begun.
    /// Returns nil when nothing is chrome (the common case: no copy).
    static func blanked(_ lines: [[Unicode.Scalar]], firstSection: Int?, lastSection: Int?) -> [[Unicode.Scalar]]? {
        guard looksSaved(lines, firstSection: firstSection) else { return nil }
        var out: [[Unicode.Scalar]]?
        var footer = false
        for (index, line) in lines.enumerated() {
            var drop = footer || isChrome(line)
            if !drop, let firstSection, index < firstSection, isMetadata(line) { drop = true }
            if !footer, let lastSection, index > lastSection, line.count <= maximumChromeLength, footerIndex.occurs(in: line) {
                footer = true
                drop = true
            }
            if drop && !line.isEmpty {
                if out == nil { out = lines }
                out?[index] = []
            }
        }
        return out
    }
}

/// Keywords indexed by their first scalar, so that a line is scanned once whatever the
/// number of keywords (every line of every report is asked whether it is chrome).
struct KeywordIndex: Sendable {
    private let byFirst: [Unicode.Scalar: [[Unicode.Scalar]]]
    /// Bit `value & 63` set for each first scalar: most scalars are rejected without a lookup.
    private let mask: UInt64

    init(_ keywords: [Keyword]) {
        var byFirst: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        var mask: UInt64 = 0
        for keyword in keywords {
            guard let first = keyword.scalars.first else { continue }
            byFirst[first, default: []].append(keyword.scalars)
            mask |= 1 << UInt64(first.value & 63)
        }
        self.byFirst = byFirst
        self.mask = mask
    }

    /// Whether any keyword occurs in `line`.
    func occurs(in line: [Unicode.Scalar]) -> Bool {
        for index in line.indices where mask & (1 << UInt64(line[index].value & 63)) != 0 {
            guard let candidates = byFirst[line[index]] else { continue }
            for word in candidates where index + word.count <= line.count {
                var matches = true
                for offset in 1..<word.count where line[index + offset] != word[offset] {
                    matches = false
                    break
                }
                if matches { return true }
            }
        }
        return false
    }
}
