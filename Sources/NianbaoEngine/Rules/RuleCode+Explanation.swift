extension RuleCode {
    /// A short English title, for `nianbao explain` and summaries.
    public var title: String {
        switch self {
        case .inputUnreadable: return "Input cannot be read"
        case .inputUnsupported: return "Unsupported file format"
        case .inputTooLarge: return "Input too large"
        case .converterMissing: return "Document converter not installed"
        case .inputTimeout: return "Reading the document took too long"
        case .parserCrashed: return "The document reader crashed"
        case .checkCrashed: return "The check itself crashed on this file"
        case .notAReport: return "Not an annual report"
        case .yearMissing: return "Report year missing"
        case .sectionMissing: return "Section missing"
        case .tableMissing: return "Table missing"
        case .tableUnreadable: return "Table cannot be read"
        case .rowMissing: return "Table row missing"
        case .cellMissing: return "Table cell missing"
        case .cellNotNumber: return "Cell is not a number"
        case .cellBlank: return "Cell left blank"
        case .negativeCount: return "Negative count"
        case .templateOutdated: return "Outdated template"
        case .table2RowSum: return "Table 2 row does not add up"
        case .table2ResultTotal: return "Table 2 result total does not add up"
        case .table2Balance: return "Table 2 column does not balance"
        case .table3GroupTotal: return "Table 3 group total does not add up"
        case .narrativeReceived: return "Narrative contradicts applications received"
        case .narrativeDisclosed: return "Narrative contradicts applications disclosed"
        case .narrativeCarriedForward: return "Narrative contradicts applications carried forward"
        case .narrativeNoApplications: return "Narrative says no applications, table disagrees"
        case .narrativeReviewLitigation: return "Narrative contradicts review or litigation counts"
        case .narrativeNoReview: return "Narrative says no review or litigation, table disagrees"
        case .feeStatementMissing: return "Information-processing fee not reported"
        case .publishedLate: return "Published after the deadline"
        case .yearsDisagree: return "Years disagree"
        case .titleIncomplete: return "Title incomplete"
        case .templateMixed: return "Mixed template forms"
        case .overviewTooLong: return "Overview too long"
        case .problemsGeneric: return "Section 五 names no concrete problem or measure"
        case .titleFormulaLike: return "Title begins like a spreadsheet formula"
        case .crossYearCarryOver: return "Carry-over disagrees with last year's report"
        case .crossYearRepeatedText: return "Section 五 repeats last year's text"
        case .crossYearInForce: return "Documents in force disagree with last year's report"
        case .signatureDateMissing: return "No signature or publication date"
        case .extraColumnsIgnored: return "Extra empty columns ignored"
        case .anomalyCorrectionRate: return "High correction rate in table 3"
        case .anomalyApplicationsJump: return "Applications jump against last year"
        case .textRepaired: return "Damaged text repaired"
        case .pdfBorderlessTable: return "PDF table without ruling lines"
        case .ocrUncertain: return "Numbers of a scan may be misread"
        }
    }

    /// One English paragraph on what the check means and why, for `nianbao explain`.
    public var explanation: String {
        switch self {
        case .inputUnreadable:
            return "The file could not be decoded as text in any supported encoding (UTF-8, UTF-16, GB18030/GBK), or the document container is damaged. Nothing in it can be checked."
        case .inputUnsupported:
            return "The file is not in a format the checker reads (.txt, .docx, .html, .pdf). Convert it or publish the report in one of those formats."
        case .converterMissing:
            return "Legacy Word (.doc), WPS (.wps), RTF and OpenDocument (.odt) files are read by converting them to .docx with LibreOffice (Debian package libreoffice-writer-nogui) in a separate, time- and memory-limited process. The converter is not installed on this host, so the file could not be read; install the package or ask for a .docx or PDF."
        case .inputTimeout:
            return "The document's reader or converter ran past its time or memory budget (configuration keys convert.timeoutSeconds and convert.memoryMegabytes) and was stopped. A real report converts in a few seconds; a file that does not is damaged or crafted. Resubmit it as .docx or PDF."
        case .parserCrashed:
            return "The separate process that reads or converts the document crashed (the finding names the signal or exit status). The daemon itself is unaffected. The file is damaged or crafted; resubmit it as .docx or PDF."
        case .checkCrashed:
            return "The daemon died while judging this file, on several starts in a row (a crash, an out-of-memory kill). To keep the file from taking the service down forever, it is not judged again; it gets this fail verdict instead. Replace the file (any change of content is judged afresh) and report the case to the operators: it is a bug in nianbao."
        case .inputTooLarge:
            return "The file is larger than the configured limit. An annual report is a few pages; a file this size is probably not one, or contains embedded material that should not be published with it."
        case .notAReport:
            return "The text has no 政府信息公开工作年度报告 title, none of the six section headings and none of the three statistical tables, so it is not treated as an annual report and no other check is applied."
        case .yearMissing:
            return "No report (statistical) year could be found in the title or the text. The year decides which national template applies and when the report was due."
        case .sectionMissing:
            return "Every report has six sections in a fixed order (一、总体情况 · 二、主动公开政府信息情况 · 三、收到和处理政府信息公开申请情况 · 四、政府信息公开行政复议、行政诉讼情况 · 五、存在的主要问题及改进情况 · 六、其他需要报告的事项). One of them was not found under any usual wording."
        case .tableMissing:
            return "Each report carries three statistical tables: 主动公开 (section 二), 收到和处理政府信息公开申请 (section 三) and 行政复议、行政诉讼 (section 四). One of them was not found."
        case .tableUnreadable:
            return "A table was found but its cells cannot be read back reliably (for example cells run together with no separator, as in \"10203120001200000\"). The checker says so rather than guess the numbers."
        case .rowMissing:
            return "A data row of table 2 required by the template is absent (the 2021 template has 25 data rows; the 2019 template 23, with （六）其他处理 as one row)."
        case .cellMissing:
            return "A table row has fewer cells than the template requires (table 2: seven columns, 自然人 · five kinds of 法人或其他组织 · 总计; table 3: fifteen cells)."
        case .cellNotNumber:
            return "Counts must be non-negative integers; this cell holds text or a decimal. Amounts in table 1 (收费 in 万元, 采购总金额) may have decimals."
        case .cellBlank:
            return "Table cells are blank or hold a placeholder such as \"/\" or \"—\". The template expects a number in every cell, 0 when there is nothing to report, so this is a formal defect the agency should fix — but not a contradiction: it is a warning, given once per table with the blank cells listed compactly (\"表二 法人或其他组织 5 列 × 25 行为空\"). Blanks are counted as 0 in the arithmetic checks; a blank that makes a sum fail is reported by that sum's error, and a blank 总计 whose parts are not blank is an error there. The 汇总 still leaves such a report out: the office must not publish a guessed 0."
        case .negativeCount:
            return "A count is negative. Only 本年增/减 in the 2019 template's table 1 may be negative."
        case .templateOutdated:
            return "Reports for 2021 and later must use the format of 国办公开办函〔2021〕30号, which voids earlier formats; this report uses the 2019 (试行) tables of 国办公开办函〔2019〕60号."
        case .table2RowSum:
            return "In table 2 every row's six applicant columns (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他) must add up to its 总计 cell."
        case .table2ResultTotal:
            return "In table 2, for every column, （七）总计 must equal （一）予以公开 + （二）部分公开 + the eight （三）不予公开 rows + the three （四）无法提供 rows + the five （五）不予处理 rows + the （六）其他处理 rows."
        case .table2Balance:
            return "Table 2's header states the rule: \"本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和\". For every column, 一、本年新收 + 二、上年结转 must equal 三（七）总计 + 四、结转下年度继续办理."
        case .table3GroupTotal:
            return "Table 3 has three groups (行政复议, 行政诉讼 未经复议直接起诉, 行政诉讼 复议后起诉); in each, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 must equal 总计."
        case .narrativeReceived:
            return "The narrative states a number of applications received (e.g. \"共收到政府信息公开申请2件\") that matches neither table 2's 一、本年新收 总计 nor that plus 二、上年结转."
        case .narrativeDisclosed:
            return "The narrative states a number of applications disclosed (\"予以公开2件\", or \"予以公开及部分公开N件\") that differs from table 2's （一）予以公开 (plus （二）部分公开) 总计."
        case .narrativeCarriedForward:
            return "The narrative states a number of applications carried into next year (\"1件结转下年度\") that differs from table 2's 四、结转下年度继续办理 总计."
        case .narrativeNoApplications:
            return "The narrative says no application was received (\"未收到…申请\"), but table 2 records new applications."
        case .narrativeReviewLitigation:
            return "The narrative states a number of 行政复议 or 行政诉讼 cases (\"行政复议7件，诉讼9件\") that differs from table 3's totals (litigation counts both 未经复议直接起诉 and 复议后起诉)."
        case .narrativeNoReview:
            return "The narrative says there was no administrative review or lawsuit (\"无行政复议、行政诉讼\"), but table 3 records some."
        case .feeStatementMissing:
            return "The 2021 template requires section 六 to report the 信息处理费 charged under 《政府信息公开信息处理费管理办法》: \"收取信息处理费情况在此处报告\". A section 六 that says only \"无\" omits this statement."
        case .publishedLate:
            return "The report was published (or, with no publication date, signed) after its deadline under 条例第四十九条: government departments and 乡镇 by 1月31日 of the following year, county governments by 2月20日, prefecture governments by 3月10日, provincial governments and vertically managed systems by 3月31日. A 政府办公厅/办公室 publishing its own report counts as a department."
        case .yearsDisagree:
            return "The title's year, the statistical period's year and the signature date must agree: a report for year Y covers 1 January to 31 December of Y and is signed and published in Y+1."
        case .titleIncomplete:
            return "The title must name the full agency and the year, as in \"…局2021年政府信息公开工作年度报告\"; a title such as \"市商务局2021年…\" omits the place name."
        case .templateMixed:
            return "The tables mix the two national templates, for example the 2021 tables with （六）其他处理 printed as one row as in the 2019 (试行) form. A defect, milder than wrong arithmetic."
        case .overviewTooLong:
            return "The 2021 template says section 一、总体情况 \"篇幅原则上不超过一千字\". The count is of Han characters, letters and digits, not whitespace or punctuation."
        case .titleFormulaLike:
            return "A title or agency name that begins with =, +, - or @ (or their full-width forms) is run as a formula when the office's 汇总 is opened in a spreadsheet (CSV injection). The CSV export neutralises such a name with a leading apostrophe; the report should still carry a proper title."
        case .problemsGeneric:
            return "Section 五 (存在的主要问题及改进情况) must name this year's problems and the measures taken or planned, \"实事求是、明确具体，避免笼统模糊、泛泛而谈\" (2021 notice); evaluators count empty, one-line and boilerplate sections against the report. Warned when the section is empty, says only \"无\", has fewer than 50 Han characters, letters and digits, names no problem (问题, 不足, 有待, 不够 …) or no measure (下一步, 改进, 整改, 措施, 将 …), or has fewer than 30 characters left once stock phrases (取得了一定成效, 存在一些不足, 进一步加强政府信息公开工作, 知情权、参与权、表达权和监督权 …) are taken out. The message quotes the section. The thresholds sit below the shortest specific section among the real samples and fixtures (71 characters, 60 beyond the stock phrases)."
        case .crossYearCarryOver:
            return "Applications still open at the end of one year are the next year's carry-over: table 2's 二、上年结转政府信息公开申请数量 in this year's report must equal 四、结转下年度继续办理 in the same agency's report for the year before, column by column (自然人, the five kinds of 法人或其他组织, 总计). The warning names both files and each cell that differs. One of the two reports is wrong; correct it, or explain the difference in the report."
        case .crossYearRepeatedText:
            return "国办公开办函〔2021〕30号 asks that section 五、存在的主要问题及改进情况 describe this year's real problems and measures, not repeat earlier years' wording (\"年年雷同\"). The check compares section 五 with the same agency's report for the year before: the share of this year's 4-character sequences (Han characters, letters and digits only; punctuation and spaces ignored) that also occur in last year's section 五. At 70 % or more, with at least 60 such characters, the section counts as copied; the warning quotes the longest sentence the two share."
        case .crossYearInForce:
            return "Table 1, 第二十条第（一）项, for 规章 and for 行政规范性文件: this year's 现行有效件数 must equal last year's 现行有效件数 plus this year's 本年制发件数 minus 本年废止件数 (the continuity that 国办's template implies and that evaluators check). Compared only when both reports use the 2021 columns and come from the same agency in consecutive years; the message names both files and the four cells. Either figure may be the wrong one: a miscounted 现行有效 last year, or a 制发/废止 count that misses documents."
        case .signatureDateMissing:
            return "Neither a signature date at the end nor a publication date (发布日期) was found, so the publication deadline cannot be checked."
        case .extraColumnsIgnored:
            return "Some table rows carried extra empty columns (often left by Word or HTML conversion); they were ignored when reading the numbers."
        case .textRepaired:
            return "Characters lost in extraction (e.g. \"()不予公开\" for \"（三）不予公开\") were restored from the template's fixed wording before the tables were read."
        case .anomalyCorrectionRate:
            return "Information, not an error: in table 3, 结果纠正 over all cases of the three groups (行政复议, 未经复议直接起诉, 复议后起诉; cases counted as 维持 + 纠正 + 其他 + 尚未审结) is above 15 %, with at least 10 cases. Evaluators and KIROGOVCOMPARE's cockpit look at this 纠错率: many of the agency's disclosure decisions are overturned on review or in court."
        case .anomalyApplicationsJump:
            return "Information, not an error: table 2's 一、本年新收政府信息公开申请数量 · 总计 is more than 5 times, or less than a fifth of, the same agency's figure the year before, and the larger of the two is at least 30. A real change (a new duty, a wave of applications) or a table filled wrongly in one of the years; evaluators look at such jumps. Given by `nianbao check` when both years' files are among those checked."
        case .pdfBorderlessTable:
            return "A PDF page holds table rows drawn without ruling lines. Ruled tables are read from their cell grid; these were rebuilt from the positions of the characters instead, which is less certain where labels wrap. Drawing the table's cell borders (the template's layout) makes the reading exact."
        case .ocrUncertain:
            return "The report is a scan read by OCR. An arithmetic identity of its tables (row sums, totals, balance) does not hold, and a cell it runs through was read with low confidence, so the numbers may be misread rather than wrong. The identity's errors are replaced by this warning, which names the cells and their confidence; check them against the scan. A scan is never failed for a number OCR may have misread, and no value is computed from the arithmetic."
        }
    }
}
