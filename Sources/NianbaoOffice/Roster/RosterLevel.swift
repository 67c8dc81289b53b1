import NianbaoEngine

/// The level words a roster's `level` column accepts, and the deadline class each means.
public enum RosterLevel {
    /// Accepted words and their deadline class. Chinese as offices write them, plus English names.
    public static let words: [(word: String, level: AgencyLevel)] = [
        ("部门", .department), ("政府部门", .department), ("乡镇", .department), ("乡", .department),
        ("镇", .department), ("街道", .department), ("乡镇街道", .department),
        ("县区政府", .county), ("区县政府", .county), ("县级政府", .county), ("县区", .county),
        ("地市政府", .prefecture), ("市级政府", .prefecture), ("地市", .prefecture),
        ("省级", .province), ("省级政府", .province), ("垂直管理", .province), ("垂直管理系统", .province),
        ("department", .department), ("township", .department), ("county", .county),
        ("prefecture", .prefecture), ("province", .province), ("vertical", .province),
    ]

    /// The words listed in error messages.
    static let listed = "部门, 乡镇, 街道, 县区政府, 地市政府, 省级, 垂直管理"

    /// The deadline class a level word names, or nil. Spaces and letter case are ignored.
    public static func level(_ word: String) -> AgencyLevel? {
        let key = AgencyName.fold(word).lowercased()
        return words.first { $0.word == key }?.level
    }
}
