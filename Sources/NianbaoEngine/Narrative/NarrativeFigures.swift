/// A figure stated in the narrative, e.g. 2 from "共收到政府信息公开申请2件".
public struct NarrativeFigure: Sendable, Hashable {
    /// The number stated.
    public var value: Int
    /// The clause it was read from, as written.
    public var quote: String

    /// A figure `value` read from the clause `quote`.
    public init(value: Int, quote: String) {
        self.value = value
        self.quote = quote
    }
}

/// A statement that there was no review or litigation, e.g. "无行政复议、行政诉讼等情况".
public struct NarrativeDenial: Sendable, Hashable {
    /// Whether the statement covers 行政复议.
    public var review: Bool
    /// Whether the statement covers 行政诉讼.
    public var litigation: Bool
    /// The clause it was read from, as written.
    public var quote: String

    /// A denial covering review and/or litigation, read from the clause `quote`.
    public init(review: Bool, litigation: Bool, quote: String) {
        self.review = review
        self.litigation = litigation
        self.quote = quote
    }
}

/// What a report's narrative clearly states about applications, results,
/// reviews and lawsuits. Figures about other things (网站信息条数, 人大建议件数)
/// are not collected; a vague figure ("300余件") is not collected either.
public struct NarrativeFigures: Sendable, Hashable {
    /// Applications received ("共收到政府信息公开申请2件", "受理政府信息公开申请 21 件").
    public var received: [NarrativeFigure] = []
    /// Applications disclosed in full ("予以公开2件").
    public var disclosed: [NarrativeFigure] = []
    /// Disclosed in full or in part, stated together ("予以公开及部分公开258件").
    public var disclosedOrPartly: [NarrativeFigure] = []
    /// Applications carried over to next year ("1件结转下年度").
    public var carriedForward: [NarrativeFigure] = []
    /// Statements that no application was received ("未收到政府信息公开申请").
    public var noApplications: [NarrativeFigure] = []
    /// 行政复议 cases ("行政复议7件").
    public var review: [NarrativeFigure] = []
    /// 行政诉讼 cases ("诉讼9件").
    public var litigation: [NarrativeFigure] = []
    /// Statements that there was no review or litigation.
    public var denials: [NarrativeDenial] = []

    /// No figures.
    public init() {}

    /// Reads the figures from a report's narrative: section 一, and the
    /// sentence-like lines of sections 三 and 四 (not their table rows).
    public init(report: Report, document: SourceDocument) {
        var figures = NarrativeFigures()
        let lineCount = document.lines.count
        for section in report.sections {
            switch section.kind {
            case .overview:
                var text = section.text
                text.withUTF8 { NarrativeScanner.scan($0, into: &figures) }
            case .applications, .reviewAndLitigation:
                let lower = max(0, section.bodyLines.lowerBound)
                let upper = min(lineCount, section.bodyLines.upperBound)
                guard lower < upper else { continue }
                for index in lower..<upper {
                    var line = document.lines[index].text
                    line.withUTF8 { bytes in
                        if NarrativeFigures.isNarrativeLine(bytes) { NarrativeScanner.scan(bytes, into: &figures) }
                    }
                }
            default:
                continue
            }
        }
        self = figures
    }

    /// Whether a line of sections 三 and 四 reads as a sentence: it holds "。",
    /// or both "件" and "，" (one pass over the UTF-8 bytes).
    static func isNarrativeLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawPiece = false
        var sawComma = false
        var index = 0
        let last = bytes.count - 3
        // Valid UTF-8 (a String's bytes): a three-byte sequence can only match at a lead byte.
        while index <= last {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            if lead < 0xE0 { index += 2; continue }
            if lead >= 0xF0 { index += 4; continue }
            switch lead {
            case 0xE3:
                if bytes[index + 1] == 0x80 && bytes[index + 2] == 0x82 { return true } // 。
            case 0xE4:
                if bytes[index + 1] == 0xBB && bytes[index + 2] == 0xB6 { sawPiece = true } // 件
            case 0xEF:
                if bytes[index + 1] == 0xBC && bytes[index + 2] == 0x8C { sawComma = true } // ，
            default:
                break
            }
            index += 3
        }
        return sawPiece && sawComma
    }
}
