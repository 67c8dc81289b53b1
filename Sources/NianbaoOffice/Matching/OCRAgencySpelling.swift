import NianbaoEngine

/// An agency name read by OCR ("江北市交通运输2") put in the roster's spelling
/// where it is close to one roster name: at most one character in four
/// differs (edit distance of `AgencyName.key`s, names and aliases), and no
/// other entry is as close. A name the matcher already matches, or one close
/// to no entry or to two, stays as read.
public enum OCRAgencySpelling {
    /// The roster entry's name for an OCR'd agency name close to it, else the name as read.
    public static func corrected(_ agency: String, roster: Roster) -> String {
        if case .matched = AgencyMatcher(roster: roster).match(agency) { return agency }
        let read = Array(AgencyName.key(agency)), readFolded = Array(AgencyName.fold(agency).lowercased())
        guard read.count >= 3 else { return agency }
        var best: (distance: Int, entries: Set<Int>) = (.max, [])
        for (index, entry) in roster.entries.enumerated() {
            for name in [entry.name] + entry.aliases {
                // Keys (人民政府 as 政府) and the names as typed: 人民政俯 is near 人民政府, not 政府.
                let candidate = Array(AgencyName.key(name)), folded = Array(AgencyName.fold(name).lowercased())
                let distance = min(editDistance(read, candidate), editDistance(readFolded, folded))
                guard distance * 4 <= max(min(read.count, candidate.count), 4) else { continue }
                if distance < best.distance {
                    best = (distance, [index])
                } else if distance == best.distance {
                    best.entries.insert(index)
                }
            }
        }
        guard best.entries.count == 1, let only = best.entries.first else { return agency }
        return roster.entries[only].name
    }

    /// Levenshtein distance between two character sequences (``EditDistance``).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int { EditDistance.between(a, b) }
}
