/// What a report's agency name matched on the roster.
public enum AgencyMatch: Sendable, Hashable {
    /// Exactly one entry.
    case matched(RosterEntry)
    /// No entry.
    case unmatched
    /// Several entries match equally well; none is chosen.
    case ambiguous([RosterEntry])

    /// The entry, when exactly one matched.
    public var entry: RosterEntry? {
        if case .matched(let entry) = self { return entry }
        return nil
    }
}

/// How strongly a name matched, strongest first.
public enum MatchTier: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// The name as typed on the roster.
    case exact
    /// An alias as typed on the roster.
    case alias
    /// Equal after folding spaces and widths and 人民政府/政府 (`AgencyName.key`, `bareKey`).
    case normalised
    /// One name is the other with its place prefix left off ("市商务局" for "洛阳市商务局").
    case suffix
    /// The roster name appears inside the report's name ("洛阳市商务局（市口岸办）").
    case containment

    public static func < (lhs: MatchTier, rhs: MatchTier) -> Bool { lhs.rawValue < rhs.rawValue }
}
