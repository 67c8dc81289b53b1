import NianbaoEngine
import NianbaoViews

extension DisplayLevel {
    /// The level the page shows for an agency of deadline class `level` named `name`.
    ///
    /// A roster's level words (部门, 乡镇, 街道 … see `RosterLevel`) are folded into the
    /// engine's four deadline classes, in which 乡镇/街道 share the departments' 1月31日;
    /// the page tells a township apart by its name (…乡/镇/街道 人民政府/办事处).
    public init(_ level: AgencyLevel, name: String) {
        switch level {
        case .department: self = Self.isTownship(name) ? .township : .department
        case .county: self = .county
        case .prefecture: self = .prefecture
        case .province: self = .province
        }
    }

    /// Whether a name is a township's or street office's (乡/镇/街道, with 人民政府, 政府 or 办事处).
    static func isTownship(_ name: String) -> Bool {
        var stem = name.filter { !$0.isWhitespace }
        for suffix in ["人民政府", "政府", "办事处", "工委", "党工委"] where stem.hasSuffix(suffix) {
            stem.removeLast(suffix.count)
            break
        }
        return stem.hasSuffix("乡") || stem.hasSuffix("镇") || stem.hasSuffix("街道")
    }
}
