/// Matches the agency name a report gives (from its title or signature) to roster entries.
///
/// Tiers are tried strongest first, and the first tier that matches anything decides:
/// exact name > alias > normalised (`AgencyName.key` or `bareKey` equal) > suffix >
/// containment. When a tier matches two or more entries the result is `.ambiguous`:
/// the matcher never picks one of two.
///
/// The suffix tier compares bare keys: the shorter must be at least 2 characters and
/// end the longer one at a unit boundary, i.e. the shorter starts with a unit character
/// (市商务局) or a generic unit word (开发区财政局 for 淮安经济技术开发区财政局), or the part
/// left off ends with one (洛阳市|商务局, 淮安市|洪泽区); so
/// "务局" never matches "洛阳市商务局". The containment tier looks for the roster name's
/// full key (政府 kept, so 淮安市政府 is not inside 淮安市洪泽区政府) inside the report's key.
public struct AgencyMatcher: Sendable {
    private struct Candidate: Sendable {
        var entry: Int
        var typed: String
        var isAlias: Bool
        var key: String
        var bare: String
    }

    /// The roster matched against.
    public let roster: Roster
    private let candidates: [Candidate]

    /// A matcher over a roster's names and aliases.
    public init(roster: Roster) {
        self.roster = roster
        var candidates: [Candidate] = []
        for (index, entry) in roster.entries.enumerated() {
            for (name, isAlias) in [(entry.name, false)] + entry.aliases.map({ ($0, true) }) {
                candidates.append(Candidate(entry: index, typed: name, isAlias: isAlias,
                                            key: AgencyName.key(name), bare: AgencyName.bareKey(name)))
            }
        }
        self.candidates = candidates
    }

    /// The entry (or entries) the name matches.
    public func match(_ agency: String) -> AgencyMatch {
        matchWithTier(agency).match
    }

    /// The match and the tier that decided it (nil when unmatched).
    public func matchWithTier(_ agency: String) -> (match: AgencyMatch, tier: MatchTier?) {
        let key = AgencyName.key(agency)
        guard !key.isEmpty else { return (.unmatched, nil) }
        let bare = AgencyName.bareKey(agency)
        for tier in MatchTier.allCases {
            let hits = Set(candidates.filter { matches($0, tier: tier, agency: agency, key: key, bare: bare) }.map(\.entry))
            if hits.count == 1, let only = hits.first { return (.matched(roster.entries[only]), tier) }
            if hits.count > 1 { return (.ambiguous(hits.sorted().map { roster.entries[$0] }), tier) }
        }
        return (.unmatched, nil)
    }

    /// The entry whose drop folder holds `path` (a path relative to the drop folder, or
    /// "drop/relative/path"): the entry with the longest folder that is a leading part of
    /// the path, when exactly one has that folder.
    public func entry(holding path: String) -> RosterEntry? {
        var best: [RosterEntry] = []
        var bestLength = 0
        for entry in roster.entries {
            guard let folder = entry.folder, path.hasPrefix(folder + "/") else { continue }
            let length = folder.utf8.count
            if length > bestLength {
                best = [entry]
                bestLength = length
            } else if length == bestLength {
                best.append(entry)
            }
        }
        return best.count == 1 ? best[0] : nil
    }

    private func matches(_ candidate: Candidate, tier: MatchTier, agency: String, key: String, bare: String) -> Bool {
        switch tier {
        case .exact: return !candidate.isAlias && candidate.typed == agency
        case .alias: return candidate.isAlias && candidate.typed == agency
        case .normalised: return candidate.key == key || candidate.bare == bare
        case .suffix: return Self.endsAtBoundary(bare, candidate.bare) || Self.endsAtBoundary(candidate.bare, bare)
        case .containment: return candidate.key.count >= 3 && key.contains(candidate.key)
        }
    }

    /// Whether `short` ends `long` at a unit boundary (see the type's documentation).
    static func endsAtBoundary(_ long: String, _ short: String) -> Bool {
        guard short.count >= 2, long.count > short.count, long.hasSuffix(short) else { return false }
        let leftOff = long.dropLast(short.count)
        if let first = short.first, AgencyName.unitEnds.contains(first) { return true }
        if AgencyName.genericUnits.contains(where: { short.hasPrefix($0) }) { return true }
        if let last = leftOff.last, AgencyName.unitEnds.contains(last) { return true }
        return false
    }
}
