/// Why a scan of a root was made; reported by ``WatchEvent/scanCompleted(root:reason:)``.
public enum ScanReason: Sendable, Equatable {
    /// The root was scanned when the watcher started or when the root was added.
    case initial
    /// The kernel event queue overflowed; every root was scanned again.
    case overflow
    /// The root came back after it had been lost.
    case rootRestored
    /// ``TreeWatcher/rescan()`` was called.
    case requested
}

/// Something that happened below a watched root.
///
/// `root` is the normalized absolute root as configured; `path` is relative to it (no leading `/`).
/// File events are also reported for entries that are not regular files (FIFOs, sockets, devices,
/// symbolic links) so that the daemon can give them a clear verdict; ``SafeFileReader`` refuses them.
/// Duplicates are possible (a file may be found by a scan and reported by an event); consumers dedupe.
public enum WatchEvent: Sendable, Equatable {
    /// A file that was open for writing was closed (`IN_CLOSE_WRITE`); it may be written to again.
    case fileClosedAfterWrite(root: String, path: String)
    /// A file's content was written (`IN_MODIFY`): a writer has it open, so it is not complete
    /// until the next `fileClosedAfterWrite`. Runs of writes to one file yield one event.
    case fileModified(root: String, path: String)
    /// A file was renamed or moved into place (`IN_MOVED_TO`).
    case fileMovedIn(root: String, path: String)
    /// A non-directory entry appeared (`IN_CREATE`): its content may still be being written.
    /// Hard links, symbolic links and FIFOs only ever produce this event.
    case fileCreated(root: String, path: String)
    /// A scan found an existing file (at start, in a new directory, after overflow or restore).
    case fileFound(root: String, path: String)
    /// A file was deleted or moved away (`IN_DELETE`, `IN_MOVED_FROM`).
    case fileRemoved(root: String, path: String)
    /// A directory was deleted or moved away: everything under it is gone.
    case directoryRemoved(root: String, path: String)
    /// A scan of the whole root finished: files not reported since the scan began no longer exist.
    case scanCompleted(root: String, reason: ScanReason)
    /// The kernel queue overflowed and events were lost; a full rescan of every root follows.
    case overflow
    /// The root directory is missing (at start, deleted, moved away or unmounted). The watcher
    /// waits, without polling, for it to reappear.
    case rootLost(root: String)
    /// A lost root exists again and is watched; a scan (`.rootRestored`) follows.
    case rootRestored(root: String)
    /// The kernel refused a watch for this directory (`fs.inotify.max_user_watches`): said once,
    /// for the first such directory, until every directory is watched again. Files in these
    /// directories were still reported by the scan; changes in them are found by
    /// ``TreeWatcher/pollUnwatched()``, and ``WatchEvent/coverage(watched:unwatched:)`` counts them.
    case watchLimitReached(path: String)
    /// How many directories are watched and how many the watch limit left unwatched
    /// (these are polled: ``TreeWatcher/pollUnwatched()``). Reported when either changes.
    case coverage(watched: Int, unwatched: Int)
    /// Anything else worth a log line (a directory that cannot be watched or listed, a file name
    /// that is not valid UTF-8, …).
    case error(String)
}

extension WatchEvent {
    /// The root the event belongs to, if any.
    public var root: String? {
        switch self {
        case .fileClosedAfterWrite(let root, _), .fileModified(let root, _), .fileMovedIn(let root, _), .fileCreated(let root, _),
             .fileFound(let root, _), .fileRemoved(let root, _), .directoryRemoved(let root, _),
             .scanCompleted(let root, _), .rootLost(let root), .rootRestored(let root):
            root
        case .overflow, .watchLimitReached, .coverage, .error:
            nil
        }
    }

    /// The path relative to the root, for file and directory events.
    public var path: String? {
        switch self {
        case .fileClosedAfterWrite(_, let path), .fileModified(_, let path), .fileMovedIn(_, let path), .fileCreated(_, let path),
             .fileFound(_, let path), .fileRemoved(_, let path), .directoryRemoved(_, let path):
            path
        default:
            nil
        }
    }

    /// `root` joined with `path`, for file and directory events.
    public var absolutePath: String? {
        guard let root, let path else { return nil }
        return CanonicalPath.join(root, path)
    }
}
