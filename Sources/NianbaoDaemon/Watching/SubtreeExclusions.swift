import NianbaoPlatform
import Synchronization

/// The subtrees of each root that the ``TreeWatcher`` leaves to a ``PollingWatcher``
/// (network mounts below a local drop folder): it neither watches nor lists them.
final class SubtreeExclusions: Sendable {
    private let table = Mutex<[String: Set<String>]>([:])

    func set(_ root: String, _ subtrees: [String]) {
        table.withLock { $0[root] = subtrees.isEmpty ? nil : Set(subtrees) }
    }

    /// Whether `path` (relative to `root`) is excluded; for ``TreeWatcher``'s `skip`.
    func contains(root: String, path: String) -> Bool {
        table.withLock { $0[root]?.contains(path) ?? false }
    }
}
