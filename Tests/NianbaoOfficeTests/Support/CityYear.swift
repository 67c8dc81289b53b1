import NianbaoEngine
import NianbaoOffice

/// The 2024 reporting year of the 淮安 city roster as it stands on 2025-02-18: most reports
/// in, some failing, some late, some missing, some that fit no entry.
enum CityYear {
    static let today = CivilDate(year: 2025, month: 2, day: 18)

    static func report(_ agency: String?, _ verdict: Verdict, _ file: String, _ arrival: String, year: Int? = 2024, drop: String = "reports") -> SubmittedReport {
        SubmittedReport(agency: agency, year: year, verdict: verdict, drop: drop, file: file, arrival: Arrival(iso8601: arrival)!)
    }

    /// Department reports that pass and arrived in good time, with the name forms titles use.
    static let onTime: [(String, String)] = [
        ("淮安市人民政府办公室", "bangongshi.pdf"), ("淮安市发改委", "fagaiwei.docx"), ("市科学技术局", "keji.pdf"),
        ("淮安市工业和信息化局", "gongxin.pdf"), ("淮安市财政局", "caizheng.pdf"), ("淮安市人力资源和社会保障局", "renshe.pdf"),
        ("淮安市自然资源和规划局", "ziranziyuan.pdf"), ("淮安市生态环境局", "shengtai.pdf"), ("淮安市住房和城乡建设局", "zhujian.pdf"),
        ("淮安市交通运输局", "jiaotong.pdf"), ("淮安市水利局", "shuili.pdf"), ("淮安市农业农村局", "nongye.pdf"),
        ("淮安市商务局", "shangwu.pdf"), ("淮安市文化广电和旅游局", "wenlv.pdf"), ("淮安市卫健委", "weijian.pdf"),
        ("淮安市退役军人事务局", "tuiyi.pdf"), ("淮安市应急管理局", "yingji.pdf"), ("淮安市市场监督管理局", "shichang.pdf"),
        ("淮安市医疗保障局", "yibao.pdf"), ("淮安市城市管理局", "chengguan.pdf"),
        ("淮安经开区管委会", "kaifaqu/guanweihui.pdf"), ("淮安经济技术开发区财政局", "kaifaqu/caizheng/2024.pdf"),
    ]

    static var reports: [SubmittedReport] {
        var reports = onTime.enumerated().map { i, entry in
            report(entry.0, .pass, entry.1, "2025-01-\(10 + i % 18)T02:00:00Z")
        }
        reports += [
            report("淮安市教育局", .warn, "jiaoyu.pdf", "2025-01-22T03:00:00Z"),
            report("淮安市公安局", .fail, "gongan.pdf", "2025-01-20T03:00:00Z"),
            // Resubmitted: the later (passing) report counts.
            report("淮安市民政局", .fail, "minzheng.pdf", "2025-01-10T03:00:00Z"),
            report("淮安市民政局", .pass, "minzheng-v2.pdf", "2025-01-25T03:00:00Z"),
            // Late: three days, and by an hour and a half in Beijing time (17:30 UTC is 01:30 next day).
            report("淮安市司法局", .pass, "sifa.pdf", "2025-02-03T01:00:00Z"),
            report("淮安市审计局", .pass, "shenji.pdf", "2025-01-31T17:30:00Z"),
            // On time: 23:30 on the deadline day in Beijing.
            report("淮安市统计局", .pass, "tongji.pdf", "2025-01-31T15:30:00+00:00"),
            // County governments: real title forms; one names no agency but sits in its folder.
            report("淮安市洪泽区人民政府", .warn, "hongze/2024.pdf", "2025-02-10T01:00:00Z"),
            report(nil, .pass, "lianshui/nianbao.pdf", "2025-02-12T01:00:00Z"),
            report("金湖县人民政府", .fail, "jinhu/2024.pdf", "2025-02-11T01:00:00Z"),
            report("清江浦区人民政府", .pass, "qingjiangpu/2024.docx", "2025-02-05T01:00:00Z"),
            report("淮安市淮安区人民政府", .pass, "huaianqu/2024.docx", "2025-02-06T01:00:00Z"),
            report("淮阴区政府", .pass, "huaiyin/2024.docx", "2025-02-07T01:00:00+08:00"),
            // Vertical management: 2025-03-31.
            report("国家税务总局淮安市税务局", .pass, "shuiwu.pdf", "2025-02-14T01:00:00Z"),
            // Fit no entry: ambiguous, another city, no agency, no year.
            report("财政局", .pass, "inbox/caizheng.pdf", "2025-01-15T01:00:00Z"),
            report("宿迁市商务局", .pass, "inbox/suqian.pdf", "2025-01-16T01:00:00Z"),
            report(nil, .fail, "inbox/scan.pdf", "2025-01-17T01:00:00Z"),
            report("淮安市数据局", .fail, "inbox/draft.docx", "2025-01-18T01:00:00Z", year: nil),
            // Another year: not this year's business.
            report("淮安市商务局", .pass, "2023/shangwu.pdf", "2024-01-20T01:00:00Z", year: 2023),
        ]
        return reports
    }
}
