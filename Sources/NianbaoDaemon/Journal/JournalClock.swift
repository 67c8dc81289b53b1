import Foundation
import NianbaoOffice
import Synchronization

/// Time stamps for journal lines, and the watch on the wall clock: each stamp
/// also compares the wall clock with the monotonic one (``WallClockWatch``), so a
/// clock step is seen at the first line after it.
public final class JournalClock: Sendable {
    private struct State {
        var watch: WallClockWatch
        var lastTime: String?
    }

    private let state: Mutex<State>
    private let origin = ContinuousClock.now

    /// - Parameter lastTime: the journal's last `time` before this run.
    public init(lastTime: String?) {
        let last = lastTime.flatMap(Arrival.init(iso8601:)).map { Double($0.milliseconds) / 1000 }
        state = Mutex(State(watch: WallClockWatch(journalLast: last), lastTime: lastTime))
    }

    /// Now, as a journal time stamp, and a clock step seen with it.
    public func stamp() -> (time: String, step: WallClockWatch.Step?) {
        let date = Date()
        let time = date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        let monotonic = (ContinuousClock.now - origin).timeInterval
        return state.withLock { state in
            state.lastTime = time
            return (time, state.watch.sample(wall: date.timeIntervalSince1970, monotonic: monotonic))
        }
    }

    /// Checks the clock without stamping anything (at start).
    public func check() -> WallClockWatch.Step? {
        let monotonic = (ContinuousClock.now - origin).timeInterval
        return state.withLock { $0.watch.sample(wall: Date().timeIntervalSince1970, monotonic: monotonic) }
    }

    /// The latest time stamp given (or read from the journal).
    public var lastTime: String? { state.withLock { $0.lastTime } }
}
