/// The Levenshtein distance between two character sequences: the fewest insertions,
/// deletions and substitutions that turn one into the other. OCR readings are matched
/// against the template's labels and the roster's names by it.
public enum EditDistance {
    /// The distance between `a` and `b` (two rows of the table at a time, no other allocation).
    public static func between(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
