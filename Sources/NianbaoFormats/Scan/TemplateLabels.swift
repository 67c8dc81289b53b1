import NianbaoEngine

/// The fixed wording of the national template: the label cells of its tables
/// and its six section headings. OCR of a label only has to choose among
/// these, so a reading is snapped to the nearest one by edit distance.
enum TemplateLabels {
    static let cells = [
        "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
        "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "行政规范性文件",
        "本年处理决定数量", "行政许可", "行政处罚", "行政强制", "本年收费金额（单位：万元）", "行政事业性收费",
        "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果",
        "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开",
        "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
        "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
        "（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
        "（五）不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
        "（七）总计", "四、结转下年度继续办理",
        "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结",
    ]

    static let headings = [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ]

    /// The template label nearest to an OCR reading, if near enough (at most a
    /// third of its characters differ, or up to 45 % where no other label comes
    /// within three edits of it); else the reading as it is. Marks OCR
    /// reads either way count as the same: half- and full-width brackets, the
    /// numbering's "." and "、", and a figure and its Chinese numeral ("3" and "三").
    static func snapped(_ reading: String, to labels: [String] = cells) -> String {
        let text = Array(reading).map(folded)
        guard !text.isEmpty else { return reading }
        var best: (label: String, distance: Int)?
        var second = Int.max
        for label in labels {
            let candidate = Array(label).map(folded)
            guard abs(candidate.count - text.count) * 2 <= candidate.count else { continue }
            let distance = editDistance(text, candidate)
            if distance < (best?.distance ?? .max) {
                second = best?.distance ?? .max
                best = (label, distance)
            } else {
                second = min(second, distance)
            }
        }
        guard let best else { return reading }
        // Near (a third of the characters differ), or fairly near (up to 45 %) and clearly nearer than any other label.
        let near = best.distance * 3 <= Array(best.label).count
            || best.distance * 100 <= Array(best.label).count * 45 && second >= best.distance + 3
        return near ? best.label : reading
    }

    /// A character as compared with the template: OCR's variants of a mark folded into one.
    static func folded(_ character: Character) -> Character {
        switch character {
        case "(", "〈", "《", "[", "【", "{": return "（"
        case ")", "〉", "》", "]", "】", "}": return "）"
        case "、", ".", "，", ",", "·": return "."
        case "1": return "一"
        case "2": return "二"
        case "3": return "三"
        case "4": return "四"
        case "5": return "五"
        case "6": return "六"
        case "7": return "七"
        case "8": return "八"
        default: return character
        }
    }

    /// Levenshtein distance between two character sequences (``EditDistance``).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int { EditDistance.between(a, b) }
}
