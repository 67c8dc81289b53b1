/// Durations of the verdict journal's fsync calls, counted into fixed buckets
/// (Prometheus histogram semantics: each bucket counts observations ≤ its bound).
public struct FsyncHistogram: Sendable, Hashable {
    /// Upper bounds in seconds, from 0.5 ms to 10 s; anything longer falls only into +Inf.
    public static let bounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    /// Observations per bucket, not cumulative: `counts[i]` for (bounds[i-1], bounds[i]],
    /// and a last entry for those above the largest bound.
    public private(set) var counts: [UInt64] = Array(repeating: 0, count: FsyncHistogram.bounds.count + 1)
    /// Sum of all observed durations, in seconds.
    public private(set) var sum: Double = 0
    /// Number of observations.
    public private(set) var count: UInt64 = 0

    public init() {}

    /// Records one fsync duration.
    public mutating func record(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        record(seconds: Double(seconds) + Double(attoseconds) / 1e18)
    }

    /// Records one fsync duration in seconds (negative or NaN durations count as 0).
    public mutating func record(seconds: Double) {
        let value = seconds.isNaN || seconds < 0 ? 0 : seconds
        let index = Self.bounds.firstIndex { value <= $0 } ?? Self.bounds.count
        counts[index] += 1
        sum += value
        count += 1
    }

    /// Cumulative counts for each bound, then for +Inf (equal to `count`).
    public var cumulative: [UInt64] {
        var running: UInt64 = 0
        return counts.map { running += $0; return running }
    }
}
