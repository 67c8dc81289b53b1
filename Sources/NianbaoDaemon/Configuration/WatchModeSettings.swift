import NianbaoPlatform

/// How drop folders are watched: `watch.mode` (`auto`, `inotify` or `poll`; default
/// `auto`), `watch.pollSeconds` (default 5), `watch.pollRecheckEvery` (default 4) and `watch.dropModes` (`"NAME=MODE"` per drop
/// folder, overriding `watch.mode`).
public struct WatchModeSettings: Sendable, Hashable {
    /// The mode of every drop folder without its own.
    public var mode: WatchPlan.Requested = .auto
    /// Seconds between the end of one poll scan and the start of the next.
    public var pollSeconds = 5
    /// A polled file whose folder did not change is looked at every `pollRecheckEvery`-th
    /// scan (a rotating share per scan): an in-place rewrite is seen within that many
    /// intervals; new, renamed and removed files at the next scan.
    public var pollRecheckEvery = WatchModeSettings.defaultRecheckEvery
    /// The default of `watch.pollRecheckEvery`.
    public static let defaultRecheckEvery = 4
    /// Drop folders' own modes, by drop name.
    public var dropModes: [String: WatchPlan.Requested] = [:]
    /// A poll scan running longer than this makes its drop folder "stalled"; nil: the
    /// poller's default (30 s, or three intervals if longer). No configuration key: tests shorten it.
    public var stallAfter: Duration?
    /// The daemon's settle time (``DaemonConfiguration/settle``, copied in by
    /// ``DaemonConfiguration/watchingSettings``): a polled file that changed is looked at
    /// every scan for longer than this.
    public var settle: Duration = .zero

    public init() {}

    /// The mode asked for the drop folder named `drop`.
    public func requested(for drop: String) -> WatchPlan.Requested { dropModes[drop] ?? mode }

    /// The poller's settings.
    var pollSettings: PollingWatcher.Settings {
        PollingWatcher.Settings(interval: .seconds(pollSeconds), stallAfter: stallAfter, recheckEvery: pollRecheckEvery, settle: settle)
    }

    /// Parses a mode; the error names `key`.
    static func parseMode(_ value: String, key: String) throws(ConfigurationError) -> WatchPlan.Requested {
        guard let mode = WatchPlan.Requested(rawValue: value) else {
            throw ConfigurationError(key: key, reason: "\"\(value)\" is not a watch mode; use auto, inotify or poll")
        }
        return mode
    }

    /// Parses `watch.dropModes` entries ("NAME=MODE") against the drop folders' names.
    static func parseDropModes(_ entries: [String], drops: [DropFolder]) throws(ConfigurationError) -> [String: WatchPlan.Requested] {
        var modes: [String: WatchPlan.Requested] = [:]
        for entry in entries {
            guard let eq = entry.firstIndex(of: "=") else {
                throw ConfigurationError(key: "watch.dropModes", reason: "\"\(entry)\" is not NAME=MODE")
            }
            let name = String(entry[..<eq])
            guard drops.contains(where: { $0.name == name }) else {
                throw ConfigurationError(key: "watch.dropModes", reason: "no drop folder is named \"\(name)\"")
            }
            guard modes[name] == nil else {
                throw ConfigurationError(key: "watch.dropModes", reason: "drop folder \"\(name)\" is given two modes")
            }
            modes[name] = try parseMode(String(entry[entry.index(after: eq)...]), key: "watch.dropModes")
        }
        return modes
    }
}
