import NianbaoEngine

/// The agencies whose annual reports an office expects, read from its roster file.
public struct Roster: Sendable, Hashable {
    /// The entries, in file order.
    public var entries: [RosterEntry]

    /// A roster of entries.
    public init(entries: [RosterEntry]) {
        self.entries = entries
    }
}

/// One agency of the roster.
public struct RosterEntry: Sendable, Hashable, Codable {
    /// The agency's full name, as the office typed it ("淮安市洪泽区人民政府").
    public var name: String
    /// The deadline class (部门 and 乡镇 by 1月31日, 县区政府 by 2月20日, …).
    public var level: AgencyLevel
    /// The drop subfolder the agency delivers into, if the office gave one ("hongze" or "county/hongze").
    public var folder: String?
    /// Other names the agency's reports use ("洪泽区政府").
    public var aliases: [String]
    /// The 1-based line of the roster file the entry was read from (0 when built in code).
    public var line: Int

    /// An entry; `line` 0 when not read from a file.
    public init(name: String, level: AgencyLevel, folder: String? = nil, aliases: [String] = [], line: Int = 0) {
        self.name = name
        self.level = level
        self.folder = folder
        self.aliases = aliases
        self.line = line
    }

    /// The deadline of this entry's report for `reportYear`.
    public func deadline(forReportYear reportYear: Int) -> CivilDate {
        level.deadline(forReportYear: reportYear)
    }
}
