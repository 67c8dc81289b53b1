/// Decides the template from the tables' shape.
///
/// 表一 columns 本年制发件数/废止 → 2021; 新制作/新公开/上一年项目数量 or a 第（九）项
/// block → 2019. Otherwise 表二: three 其他处理 rows → 2021, one → 2019. A 2021
/// 表一 with a single 其他处理 row (the "mixed" form) is 2021; the rules flag it.
enum TemplateDecider {
    private static let markers2019 = [Keyword("新制作"), Keyword("上一年项目"), Keyword("新公开")]
    private static let markers2021 = [Keyword("制发"), Keyword("废止")]

    static func template(table1: Table1?, table2: Table2?) -> Template? {
        if let table1, let shape = shape(of: table1) { return shape }
        guard let table2 else { return nil }
        if table2.rows[.otherOverdueCorrection] != nil || table2.rows[.otherUnpaidFee] != nil || table2.rows[.otherOther] != nil {
            return .t2021
        }
        if table2.rows[.otherSingle] != nil { return .t2019 }
        return nil
    }

    static func shape(of table: Table1) -> Template? {
        var saw2019 = false
        var saw2021 = false
        for block in table.blocks {
            if block.item == 9 { saw2019 = true }
            for column in block.columns {
                let text = ScalarText.of(column)
                if Keyword.any(markers2019, in: text) { saw2019 = true }
                if Keyword.any(markers2021, in: text) { saw2021 = true }
            }
        }
        if saw2019 == saw2021 { return nil }
        return saw2019 ? .t2019 : .t2021
    }
}
