/// The national template a report follows, decided from the shape of its tables.
public enum Template: String, Sendable, Hashable, Codable, CaseIterable {
    /// 国办公开办函〔2019〕60号 (试行): for report years 2019 and 2020. Table 2 has 23 data rows.
    case t2019 = "2019"
    /// 国办公开办函〔2021〕30号: for report year 2021 onward. Table 2 has 25 data rows.
    case t2021 = "2021"
}
