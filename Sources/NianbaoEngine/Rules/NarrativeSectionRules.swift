/// `section6.fee_statement_missing`: under the 2021 template, section 六 must report
/// the 信息处理费 charged; "无。" alone omits it.
struct FeeStatementRule: Rule {
    private static let keywords = ["处理费", "收费", "费用", "收取"]

    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard TemplateShape(report).requires2021, let section = report.section(.otherMatters) else { return [] }
        guard !Utf8Search.containsAny(section.text, FeeStatementRule.keywords) else { return [] }
        return [Finding(.feeStatementMissing, "第六部分未报告收取信息处理费的情况（2021 年格式要求“收取信息处理费情况在此处报告”）",
                        at: RuleSupport.location(section.headingLine, in: document))]
    }
}

/// `section1.too_long`: under the 2021 template, 总体情况 "篇幅原则上不超过一千字".
/// Counts Han characters, letters and digits; not whitespace or punctuation.
struct OverviewLengthRule: Rule {
    static let limit = 1000

    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard TemplateShape(report).requires2021, let section = report.section(.overview) else { return [] }
        let count = OverviewLengthRule.characterCount(section.text)
        guard count > OverviewLengthRule.limit else { return [] }
        return [Finding(.overviewTooLong, "第一部分“总体情况”约 \(count) 字，应不超过 \(OverviewLengthRule.limit) 字",
                        at: RuleSupport.location(section.headingLine, in: document))]
    }

    /// The number of Han characters, letters and digits in `text`.
    static func characterCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var index = 0
            let end = bytes.count
            while index < end {
                let lead = bytes[index]
                if lead < 0x80 {
                    // ASCII: digits and letters count.
                    if (lead >= 0x30 && lead <= 0x39) || ((lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7A) { count += 1 }
                    index += 1
                    continue
                }
                if lead >= 0xE5 && lead <= 0xE9 && index + 3 <= end {
                    // U+5000…U+9FFF: Han.
                    count += 1
                    index += 3
                    continue
                }
                if (lead == 0xE3 || lead == 0xE4 || lead == 0xEF) && index + 3 <= end {
                    let value = (UInt32(lead) & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | (UInt32(bytes[index + 2]) & 0x3F)
                    switch value {
                    case 0x3400...0x4DBF, 0x4E00...0x4FFF, 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                        // Han, full-width digits and letters.
                        count += 1
                        index += 3
                        continue
                    case 0x3000...0x303F, 0xFF00...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65:
                        // CJK and full-width punctuation.
                        index += 3
                        continue
                    default:
                        break
                    }
                }
                let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                guard index + length <= end else { break }
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length { value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F) }
                index += length
                if let scalar = Unicode.Scalar(value), counts(scalar) { count += 1 }
            }
            return count
        }
    }

    private static func counts(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
             0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0x20000...0x3134F:
            return true
        case 0...0x7F, 0x3000...0x303F, 0xFF00...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65, 0x2000...0x206F:
            return false
        default:
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil
        }
    }
}
