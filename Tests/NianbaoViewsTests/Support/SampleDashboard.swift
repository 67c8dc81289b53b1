import Foundation
import NianbaoEngine
@testable import NianbaoViews

/// A realistic January: 40 agencies over two report years, every verdict kind,
/// agencies that have not reported, and hostile names from files and reports.
enum SampleDashboard {
    /// File names and texts that would run script or add elements if not escaped.
    static let scriptFile = "<script>alert(1)</script>.txt"
    static let attributeBreakout = #""><img src=x onerror=alert(1)>.txt"#
    static let titleScript = "<script>document.title='PWNED'</script>报告.docx"
    static let hostileAgency = #"<img src=x onerror="document.body.setAttribute('data-pwned','yes')">局"#
    static let hostileMessage = "表二 <b onmouseover=alert(1)>加粗</b> & 'quote' \"dq\""
    static let hostileProblemPath = "<svg onload=document.title='SVG'>.pdf"
    static let longName = "江苏省淮安市洪泽区人民政府办公室关于二〇二三年度政府信息公开工作年度报告的正式发布版本最终稿修订版第三次修改后的定稿文件.docx"

    /// 2024-01-25 10:00 in Beijing: six days before the departments' deadline.
    static let generatedAt = Date(timeIntervalSince1970: 1_706_148_000)

    /// 2023 has a roster of 34; 2022 (no roster) shows only what arrived (6).
    static let composition2023: [(DisplayLevel, [(AgencyStatus, Int)])] = [
        (.department, [(.pass, 8), (.warn, 4), (.fail, 3), (.refused, 1), (.missing, 4)]),
        (.township, [(.pass, 2), (.warn, 1), (.fail, 2), (.refused, 1), (.missing, 2)]),
        (.county, [(.pass, 1), (.warn, 1), (.fail, 1), (.missing, 1)]),
        (.prefecture, [(.pass, 1)]),
        (.province, [(.missing, 1)]),
    ]
    static let composition2022: [(DisplayLevel, [(AgencyStatus, Int)])] = [
        (.department, [(.pass, 2), (.warn, 1), (.fail, 1)]),
        (.county, [(.pass, 1), (.fail, 1)]),
    ]

    static let departments = ["教育局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源和规划局",
                              "生态环境局", "住房和城乡建设局", "交通运输局", "水务局", "农业农村局", "商务局", "文化广电和旅游局",
                              "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局",
                              "城市管理局", "行政审批局", "发展和改革委员会"]
    static let townships = ["高良涧街道", "蒋坝镇", "岔河镇", "西顺河镇", "老子山镇", "三河镇", "东双沟镇", "黄集街道", "共和镇"]
    static let counties = ["洪泽区人民政府", "淮阴区人民政府", "清江浦区人民政府", "涟水县人民政府", "盱眙县人民政府"]

    static var model: DashboardModel {
        var rows: [AgencyRow] = []
        var years: [YearProgress] = []
        var serial = 0
        for (year, roster, composition) in [(2023, true, composition2023), (2022, false, composition2022)] {
            var levels: [LevelProgress] = []
            for (level, statuses) in composition {
                var progress = LevelProgress(level: level, deadline: level.deadline(reportYear: year), submitted: 0, failing: 0)
                var index = 0
                for (status, count) in statuses {
                    for _ in 0..<count {
                        rows.append(row(year: year, level: level, index: index, status: status, serial: serial))
                        serial += 1
                        index += 1
                        if status == .missing { progress.missing += 1 } else { progress.submitted += 1 }
                        if status == .fail || status == .refused { progress.failing += 1 }
                    }
                }
                levels.append(progress)
            }
            years.append(YearProgress(year: year, hasRoster: roster, levels: levels))
        }
        let judged = rows.filter { $0.status != .missing }
        let distribution = VerdictDistribution(
            pass: judged.filter { $0.status == .pass }.count, warn: judged.filter { $0.status == .warn }.count,
            fail: judged.filter { $0.status == .fail }.count, refused: judged.filter { $0.status == .refused }.count
        )
        let problems = [
            DaemonProblem(time: generatedAt.addingTimeInterval(-600), kind: .refused, path: "xuyi/盱眙县财政局2023年报.wps",
                          text: "WPS 文字转换失败（转换程序未生成文档）；文件可能已损坏，请改交 .docx 或 PDF"),
            DaemonProblem(time: generatedAt.addingTimeInterval(-3_600), kind: .refused, path: hostileProblemPath,
                          text: "不支持的文件格式：.pdf 文件实为可执行程序"),
            DaemonProblem(time: generatedAt.addingTimeInterval(-7_200), kind: .refused, path: "hongze/扫描件.pdf",
                          text: "文件超过 50 MiB，未读取"),
        ]
        return DashboardModel(generatedAt: generatedAt, years: years, verdicts: distribution, agencies: rows, problems: problems)
    }

    private static func row(year: Int, level: DisplayLevel, index: Int, status: AgencyStatus, serial: Int) -> AgencyRow {
        var name: String
        switch level {
        case .department: name = "淮安市洪泽区" + departments[index % departments.count]
        case .township: name = "淮安市洪泽区" + townships[index % townships.count] + (townships[index % townships.count].hasSuffix("镇") ? "人民政府" : "办事处")
        case .county: name = "淮安市" + counties[index % counties.count]
        case .prefecture: name = "淮安市人民政府"
        case .province: name = "江苏省人民政府"
        }
        var file = "\(name)\(year)年政府信息公开工作年度报告.docx"
        // Hostile names on a few rows, long names on one.
        switch serial {
        case 2: file = scriptFile
        case 5: file = attributeBreakout
        case 9: file = "子目录/" + titleScript
        case 13: name = hostileAgency
        case 23: file = "hongze/2024/" + longName
        default: break
        }
        guard status != .missing else {
            return AgencyRow(agency: name, level: level, year: year, status: .missing)
        }
        let deadline = level.deadline(reportYear: year)
        let arrivedDay = year == 2022 ? (serial % 2 == 0 ? 20 : 45) : 5 + serial % 18
        let arrived = Date(timeIntervalSince1970: TimeInterval(CivilDate(year: year + 1, month: 1, day: 1).daysSince1970 * 86_400
            + arrivedDay * 86_400 + 3_600 + serial * 97))
        let late = DisplayClock.chinaStandardTime.civilDate(arrived) > deadline
        return AgencyRow(agency: name, level: level, year: year, status: status, file: file, drop: serial % 3 == 0 ? "huaian" : "hongze",
                         arrivedAt: arrived, late: late, findings: findings(status, serial: serial))
    }

    private static func findings(_ status: AgencyStatus, serial: Int) -> [FindingLine] {
        switch status {
        case .pass, .missing: return []
        case .warn:
            return [FindingLine(code: "section6.fee_statement_missing", severity: .warning,
                                message: "第六部分未说明信息处理费收取情况（2021 年格式要求在此专门报告）", location: "第 88 行")]
        case .refused:
            return [FindingLine(code: "input.unreadable", severity: .error, message: "WPS 文字转换失败：文件可能已损坏，请改交 .docx 或 PDF")]
        case .fail:
            var lines = [
                FindingLine(code: "template.mixed", severity: .warning,
                            message: "表格混用新旧格式：表一为2021 年格式，表二（六）其他处理只有一行（2019 年试行格式）", location: "第 56 行"),
                FindingLine(code: "table2.balance", severity: .error,
                            message: "表二 自然人：第一项加第二项（12）不等于第三项加第四项（11）", location: "表 2 第 25 行"),
                FindingLine(code: "table3.group_total", severity: .error, message: "表三 行政复议 · 总计：应为 11，实为 0", location: "表 3 第 3 行"),
            ]
            if serial % 2 == 0 {
                lines.append(FindingLine(code: "table.cell_not_number", severity: .error, message: hostileMessage, location: "表 2 第 7 行 <i>"))
            }
            return lines
        }
    }
}
