/// Decides the template from the tables' shape.
///
/// 表一 columns 本年制发件数/废止 → 2021; 新制作/新公开/上一年项目数量 or a 第（九）项
/// block → 2019. Otherwise 表二: three 其他处理 rows → 2021, one → 2019. A 2021
/// 表一 with a single 其他处理 row (the "mixed" form) is 2021; the rules flag it.
enum TemplateDecider {
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
                if column.contains("新制作") || column.contains("上一年项目") || column.contains("新公开") { saw2019 = true }
                if column.contains("制发") || column.contains("废止") { saw2021 = true }
            }
        }
        if saw2019 == saw2021 { return nil }
        return saw2019 ? .t2019 : .t2021
    }
}
