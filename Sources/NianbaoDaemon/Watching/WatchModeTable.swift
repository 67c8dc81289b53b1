import NianbaoPlatform

/// How each drop folder is watched and which polled ones are stalled, as the watch
/// notices told it: for `STATUS=`, the page and the metrics. A value; pure.
public struct WatchModeTable: Sendable, Hashable {
    /// One drop folder's watching.
    public struct Entry: Sendable, Hashable {
        public var mode: WatchPlan.Mode
        public var reason: String
        public var pollSeconds: Int
        /// Paths (the folder, or a mount below it) whose scan does not finish.
        public var stalled: Set<String> = []
    }

    /// By drop name.
    public private(set) var drops: [String: Entry] = [:]

    public init() {}

    /// Takes in a notice; returns whether the table changed.
    mutating func record(_ notice: DaemonNotice) -> Bool {
        switch notice {
        case .watchMode(let drop, let plan, let pollSeconds):
            drops[drop.name] = Entry(mode: plan.mode, reason: plan.reason, pollSeconds: pollSeconds)
        case .watchStalled(let drop, let path):
            return drops[drop]?.stalled.insert(path).inserted ?? false
        case .watchResumed(let drop, let path):
            return drops[drop]?.stalled.remove(path) != nil
        case .reloaded(let folders):
            let names = Set(folders.map(\.name))
            let before = drops.count
            drops = drops.filter { names.contains($0.key) }
            return drops.count != before
        default:
            return false
        }
        return true
    }

    /// Drop folders whose share does not answer, by name.
    public var stalledDrops: [String] { drops.filter { !$0.value.stalled.isEmpty }.keys.sorted() }

    /// The `STATUS=` part: polled folders and stalled ones ("" when everything is inotify).
    var statusPart: String {
        let polled = drops.values.filter { $0.mode != .inotify }.count
        guard polled > 0 else { return "" }
        var part = " (\(polled) polled)"
        let stalled = stalledDrops
        if !stalled.isEmpty { part += " · stalled: \(stalled.joined(separator: ", "))" }
        return part
    }
}
