/// What a ``PollingWatcher`` reports.
public enum PollEvent: Sendable, Equatable {
    /// A watch event, as ``TreeWatcher`` would give it, with the file's identity as the
    /// scan saw it for events that start settling (`.fileFound`, `.fileCreated`,
    /// `.fileClosedAfterWrite`): the first of the two observations a file needs.
    case watch(WatchEvent, identity: FileIdentity?)
    /// A scan has been running longer than the stall limit: the file system does not
    /// answer (a hung NFS server, a stopped FUSE daemon). Said once, until `.resumed`.
    case stalled(root: String, subtree: String)
    /// The scan that stalled finished.
    case resumed(root: String, subtree: String)
}
