import NianbaoDaemon
import NianbaoEngine
import NianbaoPlatform

/// Builders for driving ``DropState`` directly: no files, no clock, no tasks.
enum S {
    static let root = "/srv/drop"
    static let settle = Duration.milliseconds(500)

    static func state(workers: Int = 2, current: [ReportKey: VerdictRecord] = [:], ready: Bool = true) -> DropState {
        var state = DropState(
            drops: [DropFolder(name: "drop", path: root)], current: current, settings: .init(settle: settle, workers: workers))
        if ready { _ = state.apply(.watch(.scanCompleted(root: root, reason: .initial), identity: nil), now: .zero) }
        return state
    }

    static func key(_ path: String, drop: String = "drop") -> ReportKey { ReportKey(drop: drop, relativePath: path) }

    static func identity(_ n: UInt64, size: Int64 = 100) -> FileIdentity {
        FileIdentity(device: 1, inode: n, size: size, modificationTimeNanoseconds: Int64(n), changeTimeNanoseconds: Int64(n), kind: .regular)
    }

    static func record(_ path: String, sha: String = "aaa", verdict: Verdict = .pass, code: String? = nil) -> VerdictRecord {
        var record = VerdictRecord(
            path: root + "/" + path, sha256: sha, format: "txt", encoding: "utf-8", template: nil, agency: nil, year: nil,
            published: nil, verdict: verdict, findings: [])
        if let code { record.findings = [.init(Finding(RuleCode(rawValue: code)!, "x"))] }
        return record
    }

    static func ms(_ n: Int64) -> Moment { .milliseconds(n) }

    static func written(_ path: String, _ identity: FileIdentity? = S.identity(1), at: Moment = .zero) -> Timed {
        Timed(input: .watch(.fileClosedAfterWrite(root: root, path: path), identity: identity), now: at)
    }

    static func moved(_ path: String, at: Moment = .zero) -> Timed {
        Timed(input: .watch(.fileMovedIn(root: root, path: path), identity: nil), now: at)
    }

    static func job(_ path: String, sha: String? = nil, code: String? = nil) -> Job {
        Job(key: key(path), root: root, knownSHA256: sha, knownFirstCode: code)
    }
}

/// An input with the moment it happens.
struct Timed {
    var input: DropInput
    var now: Moment
}

extension DropState {
    mutating func apply(_ timed: Timed) -> [DropEffect] { apply(timed.input, now: timed.now) }
    /// An input whose moment does not matter (time never goes back: the latest moment stays).
    mutating func apply(_ input: DropInput) -> [DropEffect] { apply(input, now: .zero) }
}

extension Array where Element == DropEffect {
    /// The jobs started by these effects.
    var reads: [String] { compactMap { if case .read(let job) = $0 { job.key.relativePath.string } else { nil } } }
    var probes: [Probe] {
        var result: [Probe] = []
        for case .probe(let p) in self { result += p }
        return result
    }
    var wakes: [Moment] { compactMap { if case .wake(let at) = $0 { at } else { nil } } }
    var appends: [(ReportKey, VerdictRecord, Duration?)] {
        compactMap { if case .append(let k, let r, let d) = $0 { (k, r, d) } else { nil } }
    }
    var removals: [String] {
        compactMap { if case .appendRemoval(let k, _) = $0 { k.relativePath.string } else { nil } }
    }
    var notices: [DaemonNotice] { compactMap { if case .notice(let n) = $0 { n } else { nil } } }
    var finished: Bool { contains(.finished) }
}
