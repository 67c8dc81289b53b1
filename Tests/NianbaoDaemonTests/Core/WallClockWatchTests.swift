import NianbaoDaemon
import Testing

/// A wall-clock step is seen against the monotonic clock, or against the journal's
/// last line at start, and said once.
@Suite struct WallClockWatchTests {
    @Test func aStepBackIsSaidOnceAndDriftIsNot() {
        var watch = WallClockWatch(journalLast: nil)
        #expect(watch.sample(wall: 1_000_000, monotonic: 0) == nil, "the first sample anchors")
        #expect(watch.sample(wall: 1_000_010.5, monotonic: 10) == nil, "half a second of drift is no step")
        let step = watch.sample(wall: 1_000_020 - 86_400, monotonic: 20)
        #expect(step?.seconds == -86_400)
        #expect(watch.sample(wall: 1_000_030 - 86_400, monotonic: 30) == nil, "said once; the new clock is followed")
        #expect(watch.sample(wall: 1_000_040 + 3_600 - 86_400, monotonic: 40)?.seconds == 3_600, "a later step forward is said too")
    }

    @Test func aClockSetBackWhileStoppedIsSeenAtStart() {
        var watch = WallClockWatch(journalLast: 2_000_000)
        #expect(watch.sample(wall: 2_000_000 - 86_400, monotonic: 0)?.seconds == -86_400)
        #expect(watch.sample(wall: 2_000_000 - 86_390, monotonic: 10) == nil)
        var ahead = WallClockWatch(journalLast: 2_000_000)
        #expect(ahead.sample(wall: 2_000_100, monotonic: 0) == nil, "time moved on while stopped: no step")
    }
}
