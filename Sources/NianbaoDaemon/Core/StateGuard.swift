#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Notices a state folder deleted or replaced while the daemon runs: it remembers
/// each folder's device and inode after a write, and before the next write tells
/// whether one that existed is gone or is another folder now (`rm -rf`, a restore
/// from backup). Checked once per write batch: a few `stat` calls.
final class StateGuard: Sendable {
    private struct Seen: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    private let seen = Mutex<[String: Seen]>([:])

    /// Whether a folder of `paths` that existed when last remembered is gone or replaced.
    func lost(_ paths: [String]) -> Bool {
        let known = seen.withLock { $0 }
        return paths.contains { path in
            guard let before = known[path] else { return false }
            return Self.identity(path) != before
        }
    }

    /// Remembers the folders as they are now.
    func remember(_ paths: [String]) {
        let now = paths.map { ($0, Self.identity($0)) }
        seen.withLock { seen in
            for (path, identity) in now { seen[path] = identity }
        }
    }

    private static func identity(_ path: String) -> Seen? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Seen(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
