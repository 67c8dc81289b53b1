/// Character n-gram overlap between two texts, for `cross_year.repeated_text`.
///
/// Texts are reduced to their letters and digits (Han characters included; punctuation,
/// spaces and line breaks dropped), then cut into overlapping sequences of `n` = 4
/// characters. `containment(of:in:)` is the share of the first text's distinct 4-grams
/// that also occur in the second: 1.0 for a copy (also for a copy with text added
/// elsewhere in the other), near 1.0 for a copy with a few words changed (one changed
/// character removes at most 4 of the 4-grams), and low for text written afresh even on
/// the same subject (the same stock phrases share only some 4-grams).
public struct NGramSimilarity: Sendable {
    /// The n-gram length.
    public static let n = 4

    /// An n-gram: four scalar values.
    struct Gram: Hashable {
        var a, b, c, d: UInt32
    }

    /// The text's letters and digits.
    static func significant(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// The distinct n-grams of a text.
    static func grams(_ scalars: [Unicode.Scalar]) -> Set<Gram> {
        guard scalars.count >= n else { return [] }
        var set = Set<Gram>(minimumCapacity: scalars.count)
        for i in 0...(scalars.count - n) {
            set.insert(Gram(a: scalars[i].value, b: scalars[i + 1].value, c: scalars[i + 2].value, d: scalars[i + 3].value))
        }
        return set
    }

    /// The number of letters and digits, the length the minimum applies to.
    public static func significantLength(_ text: String) -> Int {
        significant(text).count
    }

    /// The share (0…1) of `text`'s distinct n-grams found in `other`; 0 when `text` has none.
    public static func containment(of text: String, in other: String) -> Double {
        containment(grams(significant(text)), in: grams(significant(other)))
    }

    static func containment(_ mine: Set<Gram>, in theirs: Set<Gram>) -> Double {
        guard !mine.isEmpty else { return 0 }
        return Double(mine.intersection(theirs).count) / Double(mine.count)
    }
}
