/// Tells when the wall clock stepped: its distance from the monotonic clock moved
/// by more than ``tolerance``, or it reads earlier than the journal's last line (set
/// back while the daemon was stopped). Each step is reported once: the watch then
/// follows the new wall clock. Pure; the samples are given.
///
/// The daemon orders uploads by the journal's sequence numbers and keeps arrivals by
/// content, so a step changes no decision; it is said so the office knows the time
/// stamps around it are off.
public struct WallClockWatch: Sendable, Equatable {
    /// A step, in seconds (negative: the wall clock went back).
    public struct Step: Sendable, Equatable {
        public var seconds: Double
    }

    /// Steps smaller than this are drift or NTP slewing.
    public var tolerance: Double
    /// Wall minus monotonic at the last anchor.
    private var offset: Double?
    /// The latest wall time of the journal before this run (seconds since 1970).
    private var journalLast: Double?

    /// - Parameters:
    ///   - journalLast: the last line's time in the journal (seconds since 1970), if any.
    ///   - tolerance: seconds of difference taken as a step.
    public init(journalLast: Double?, tolerance: Double = 5) {
        self.journalLast = journalLast
        self.tolerance = tolerance
    }

    /// Takes one pair of readings (seconds); returns a step the first time it is seen.
    public mutating func sample(wall: Double, monotonic: Double) -> Step? {
        guard let anchored = offset else {
            offset = wall - monotonic
            if let last = journalLast, wall < last - tolerance {
                journalLast = nil
                return Step(seconds: wall - last)
            }
            return nil
        }
        let drift = (wall - monotonic) - anchored
        guard abs(drift) > tolerance else { return nil }
        offset = wall - monotonic
        return Step(seconds: drift)
    }
}
