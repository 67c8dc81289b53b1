import Foundation
@testable import NianbaoDaemon
import NianbaoPlatform

/// Builders for driving ``DaemonState`` directly: no files, no clock, no tasks.
enum D {
    static let backlogInterval = Duration.seconds(10)

    static func configuration(backlog: Duration = backlogInterval) -> DaemonConfiguration {
        var configuration = DaemonConfiguration(
            drops: [DropFolder(name: "drop", path: S.root)], statusDirectory: "/srv/status", journalFile: "/srv/journal",
            workers: 2, printVerdicts: false)
        configuration.backlogOutputsInterval = backlog
        return configuration
    }

    static func state(
        ready: Bool = true, receipts: Bool = false, watchdog: Duration? = nil, backlog: Duration = backlogInterval,
        current: [ReportKey: VerdictRecord] = [:], start: Bool = true
    ) -> DaemonState {
        let settings = DaemonState.Settings(outputs: true, receipts: receipts, watchdogInterval: watchdog)
        var state = DaemonState(drop: S.state(current: current, ready: false), configuration: configuration(backlog: backlog), settings: settings)
        if start { _ = state.apply(.start, now: .zero) }
        if ready { _ = state.apply(.drop(.watch(.scanCompleted(root: S.root, reason: .initial), identity: nil)), now: .zero) }
        return state
    }

    static func s(_ seconds: Double) -> Moment { .milliseconds(Int64((seconds * 1000).rounded())) }
}

extension DaemonState {
    /// A report renamed into the drop folder at `now`: its job starts at once.
    mutating func arrive(_ path: String, at now: Moment) -> [DaemonEffect] {
        apply(.drop(.watch(.fileMovedIn(root: S.root, path: path), identity: nil)), now: now)
    }

    /// The job of `path` ends with a verdict at `now`, made durable at once.
    mutating func judge(_ path: String, at now: Moment, code: String? = nil) -> [DaemonEffect] {
        let effects = apply(.drop(.judged(S.job(path), .verdict(S.record(path, code: code)))), now: now)
        guard let (key, record, _) = effects.works.appends.first else { return effects }
        return effects + apply(.drop(.appended(key, record, line: Array("{}".utf8))), now: now)
    }

}

extension Array where Element == DaemonEffect {
    var works: [DropEffect] { compactMap { if case .work(let effect) = $0 { effect } else { nil } } }
    var timers: [(DaemonTimer, Moment)] { compactMap { if case .timer(let timer, let at) = $0 { (timer, at) } else { nil } } }
    func timers(_ kind: DaemonTimer) -> [Moment] { timers.filter { $0.0 == kind }.map(\.1) }
    var writesOutputs: Bool { contains(.writeOutputs) }
    var statusBatches: [StatusSchedule.Batch] { compactMap { if case .writeStatus(let batch) = $0 { batch } else { nil } } }
    var notices: [DaemonNotice] { compactMap { if case .notice(let notice) = $0 { notice } else { nil } } }
    var said: [ServiceMessage] { compactMap { if case .notify(let message) = $0 { message } else { nil } } }
    var receipts: [(ReportKey, ReceiptChange)] { compactMap { if case .receipt(let key, let change) = $0 { (key, change) } else { nil } } }
    var exit: (StatusSchedule.Batch, Bool, String)? {
        for case .exit(let batch, let outputs, let line) in self { return (batch, outputs, line) }
        return nil
    }
}

/// ``DaemonState`` with its timers run as the loop would run them: inputs at
/// given moments, every timer due before an input fired first, at its moment.
/// Output writes and status batches end at once (a write takes ``writeTakes``).
struct Timeline {
    var state: DaemonState
    var writeTakes = Duration.milliseconds(20)
    private(set) var timers: [(timer: DaemonTimer, at: Moment)] = []
    /// When each derived-outputs write started.
    private(set) var outputWrites: [Moment] = []
    private(set) var effects: [DaemonEffect] = []

    /// `state` not started yet (``D/state(start:)`` false): the timeline starts it, so it runs its timers.
    init(_ state: DaemonState) {
        self.state = state
        at(.zero, .start)
    }

    mutating func at(_ now: Moment, _ input: DaemonInput) {
        run(until: now)
        take(state.apply(input, now: now), now: now)
    }

    /// Fires the timers due by `now`, earliest first (in the order asked for at the same moment).
    mutating func run(until now: Moment) {
        while let next = timers.enumerated().min(by: { $0.element.at < $1.element.at }), next.element.at <= now {
            timers.remove(at: next.offset)
            take(state.apply(.due(next.element.timer), now: next.element.at), now: next.element.at)
        }
    }

    mutating func arrive(_ path: String, at now: Moment) {
        at(now, .drop(.watch(.fileMovedIn(root: S.root, path: path), identity: nil)))
    }

    mutating func judge(_ path: String, at now: Moment) {
        run(until: now)
        let judged = state.apply(.drop(.judged(S.job(path), .verdict(S.record(path)))), now: now)
        take(judged, now: now)
        for (key, record, _) in judged.works.appends { at(now, .drop(.appended(key, record, line: Array("{}".utf8)))) }
    }

    private mutating func take(_ new: [DaemonEffect], now: Moment) {
        effects += new
        for effect in new {
            switch effect {
            case .timer(let timer, let at): timers.append((timer, at))
            case .writeOutputs:
                outputWrites.append(now)
                take(state.apply(.outputsWritten(errors: [], took: writeTakes), now: now + writeTakes), now: now + writeTakes)
            case .writeStatus: take(state.apply(.statusWritten(.init()), now: now), now: now)
            default: break
            }
        }
    }
}
