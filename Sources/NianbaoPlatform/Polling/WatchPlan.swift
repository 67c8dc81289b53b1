/// How one drop folder is watched: by inotify, by polling, or by inotify with the network
/// mounts below it polled. Made by ``make(requested:root:rootRemote:mounts:)`` from what
/// `statfs` and `/proc/self/mountinfo` say; pure.
public struct WatchPlan: Sendable, Equatable {
    /// What the configuration asks for (`watch.mode`).
    public enum Requested: String, Sendable, CaseIterable {
        /// Poll network and FUSE file systems, inotify elsewhere (the default).
        case auto
        /// inotify everywhere (changes made on other machines are missed on a share).
        case inotify
        /// Poll the whole folder.
        case poll
    }

    /// How the folder is watched, the value of the metric label `mode`.
    public enum Mode: String, Sendable, CaseIterable {
        case inotify
        case poll
        /// inotify, with the network or FUSE mounts below the folder polled.
        case mixed
    }

    public var mode: Mode
    /// The subtrees polled, relative to the folder (`""`: all of it); empty for inotify.
    public var polled: [String]
    /// Why, in English, for the journal entry (`"nfs4 file system"`, `"watch.mode poll"` …).
    public var reason: String

    public init(mode: Mode, polled: [String], reason: String) {
        self.mode = mode
        self.polled = polled
        self.reason = reason
    }

    /// The plan for the folder `root` (absolute). `rootRemote`: the remote file-system name
    /// holding it, nil for a local one, `"unresponsive"` when `statfs` did not answer.
    /// `mounts`: the mounts below it (``MountTable/mounts(below:)``).
    public static func make(requested: Requested, root: String, rootRemote: String?, mounts: [MountTable.Mount]) -> WatchPlan {
        switch requested {
        case .poll:
            return WatchPlan(mode: .poll, polled: [""], reason: "watch.mode poll")
        case .inotify:
            let warning = rootRemote.map { "; \($0): changes made on other machines are not seen" } ?? ""
            return WatchPlan(mode: .inotify, polled: [], reason: "watch.mode inotify" + warning)
        case .auto:
            if let rootRemote {
                return WatchPlan(mode: .poll, polled: [""], reason: "\(rootRemote) file system")
            }
            var polled: [String] = []
            var types: [String] = []
            let prefix = root == "/" ? "/" : root + "/"
            for mount in mounts where FileSystemType.isRemote(typeName: mount.type) {
                let relative = String(mount.mountPoint.dropFirst(prefix.count))
                // A mount inside one already polled is polled with it.
                if polled.contains(where: { relative.hasPrefix($0 + "/") }) { continue }
                polled.removeAll { $0.hasPrefix(relative + "/") }
                polled.append(relative)
                if !types.contains(mount.type) { types.append(mount.type) }
            }
            if polled.isEmpty { return WatchPlan(mode: .inotify, polled: [], reason: "local file system") }
            let list = polled.sorted()
            return WatchPlan(mode: .mixed, polled: list, reason: "\(types.joined(separator: ", ")) mounted at \(list.joined(separator: ", "))")
        }
    }
}
