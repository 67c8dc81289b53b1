import NianbaoPlatform
import Synchronization

/// Watches every drop folder as its ``WatchPlan`` says: by the one ``TreeWatcher``
/// (inotify), by a ``PollingWatcher`` of its own, or both (inotify with the network
/// mounts below it polled). The plan is made at start and again at every reload
/// (``WatchPlanDetector``: `statfs` and `/proc/self/mountinfo`).
///
/// The tree watcher's events are ``events``, as before; the pollers' events, with the
/// identity each scan saw, and the watch notices (the mode chosen, a share stalled or
/// answering again) come as loop inputs on ``polled``. A stuck poller stalls only its
/// own drop folder: nothing here waits for it.
final class DropWatchers: Sendable {
    private struct Armed {
        var drop: DropFolder
        var plan: WatchPlan
        var pollers: [PollingWatcher]
        var settings: WatchModeSettings
    }

    private struct State {
        var drops: [DropFolder]
        var settings: WatchModeSettings
        var armed: [String: Armed] = [:]
        var stopped = false
    }

    /// The inotify watcher of every folder watched (wholly or partly) by inotify.
    let tree: TreeWatcher
    /// The pollers' events and the watch notices, as loop inputs.
    let polled: AsyncStream<DaemonInput>
    private let continuation: AsyncStream<DaemonInput>.Continuation
    private let exclusions: SubtreeExclusions
    private let state: Mutex<State>
    private let detect: @Sendable (String, WatchPlan.Requested) -> WatchPlan

    /// - Parameters:
    ///   - drops: the drop folders (absolute paths).
    ///   - detect: makes the plan of a folder (``WatchPlanDetector`` in production).
    init(drops: [DropFolder], settings: WatchModeSettings,
         detect: @escaping @Sendable (String, WatchPlan.Requested) -> WatchPlan = { WatchPlanDetector.plan(root: $0, requested: $1) }) {
        let exclusions = SubtreeExclusions()
        self.exclusions = exclusions
        tree = TreeWatcher(roots: [], skip: { exclusions.contains(root: $0, path: $1) })
        (polled, continuation) = AsyncStream.makeStream(of: DaemonInput.self, bufferingPolicy: .unbounded)
        state = Mutex(State(drops: drops, settings: settings))
        self.detect = detect
    }

    /// The tree watcher's events (see ``TreeWatcher/events``).
    var events: AsyncStream<WatchEvent> { tree.events }

    /// Plans and arms every drop folder, then starts the tree watcher.
    func start() throws(WatcherStartError) {
        for drop in state.withLock({ $0.drops }) { arm(drop) }
        try tree.start()
    }

    /// The new configuration's drop folders and modes (reload): folders kept are planned
    /// again and re-armed if their plan changed; added and removed ones follow with
    /// ``addRoot(_:)`` and ``removeRoot(_:)``.
    func update(drops: [DropFolder], settings: WatchModeSettings) {
        let kept = state.withLock { state in
            state.drops = drops
            state.settings = settings
            return drops.filter { state.armed[$0.path] != nil }
        }
        for drop in kept {
            let plan = detect(drop.path, settings.requested(for: drop.name))
            let same = state.withLock { state in
                guard let armed = state.armed[drop.path] else { return true }
                return armed.plan == plan && armed.drop == drop && armed.settings.pollSettingsKey == settings.pollSettingsKey
            }
            if !same {
                disarm(drop.path)
                arm(drop, plan: plan)
            }
        }
    }

    /// Starts watching a drop folder of the configuration in force.
    func addRoot(_ path: String) {
        guard let drop = state.withLock({ $0.drops.first { $0.path == path } }) else { return }
        arm(drop)
    }

    func removeRoot(_ path: String) { disarm(path) }

    /// Rescans every folder, by inotify and by polling.
    func rescan() {
        tree.rescan()
        for poller in state.withLock({ $0.armed.values.flatMap(\.pollers) }) { poller.rescan() }
    }

    /// The tree watcher looks again at the folders the inotify watch limit left unwatched
    /// (``TreeWatcher/pollUnwatched()``).
    func pollUnwatched() { tree.pollUnwatched() }

    /// Stops every watcher (never waiting for a poller stuck on a hung share).
    func stop() {
        let pollers = state.withLock { state in
            state.stopped = true
            defer { state.armed = [:] }
            return state.armed.values.flatMap(\.pollers)
        }
        for poller in pollers { poller.stop() }
        tree.stop()
        continuation.finish()
    }

    private func arm(_ drop: DropFolder, plan known: WatchPlan? = nil) {
        let settings = state.withLock { $0.settings }
        let plan = known ?? detect(drop.path, settings.requested(for: drop.name))
        let pollSettings = settings.pollSettings
        let pollers = plan.mode == .inotify ? [] : plan.polled.map {
            PollingWatcher(root: drop.path, subtree: $0, settings: pollSettings)
        }
        let armed = state.withLock { state -> Bool in
            guard !state.stopped, state.armed[drop.path] == nil else { return false }
            state.armed[drop.path] = Armed(drop: drop, plan: plan, pollers: pollers, settings: settings)
            return true
        }
        guard armed else { return }
        continuation.yield(.notice(.watchMode(drop: drop, plan: plan, pollSeconds: settings.pollSeconds)))
        exclusions.set(drop.path, plan.mode == .mixed ? plan.polled : [])
        if plan.mode != .poll { tree.addRoot(drop.path) }
        for poller in pollers {
            forward(poller, drop: drop)
            do { try poller.start() } catch {
                continuation.yield(.notice(.failure("cannot poll \(drop.path): \(error)")))
            }
        }
    }

    private func disarm(_ path: String) {
        guard let armed = state.withLock({ $0.armed.removeValue(forKey: path) }) else { return }
        if armed.plan.mode != .poll { tree.removeRoot(path) }
        exclusions.set(path, [])
        for poller in armed.pollers { poller.stop() }
    }

    /// Hands a poller's events to ``polled`` until it stops.
    private func forward(_ poller: PollingWatcher, drop: DropFolder) {
        let continuation = continuation
        Task {
            for await event in poller.events {
                switch event {
                case .watch(let event, let identity):
                    continuation.yield(.drop(.watch(event, identity: identity)))
                case .stalled(let root, let subtree):
                    continuation.yield(.notice(.watchStalled(drop: drop.name, path: CanonicalPath.join(root, subtree))))
                case .resumed(let root, let subtree):
                    continuation.yield(.notice(.watchResumed(drop: drop.name, path: CanonicalPath.join(root, subtree))))
                }
            }
        }
    }
}

extension WatchModeSettings {
    /// What a running poller depends on.
    var pollSettingsKey: [Int64] {
        [Int64(pollSeconds), Int64(pollRecheckEvery), stallAfter.map(Self.milliseconds) ?? -1, Self.milliseconds(settle)]
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
