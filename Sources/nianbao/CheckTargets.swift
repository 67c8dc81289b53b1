import NianbaoPlatform
#if canImport(Glibc)
import Glibc
#endif

/// Expands command-line paths into files to check: files as given, folders recursively.
enum CheckTargets {
    enum Target {
        /// A file as named (`path`), where to read it, and the folder it must stay within.
        case file(path: String, read: String, root: String)
        case missing(path: String, reason: String)
    }

    static func expand(_ paths: [String]) -> [Target] {
        var result: [Target] = []
        for path in paths {
            var st = stat()
            guard stat(path, &st) == 0 else {
                result.append(.missing(path: path, reason: String(cString: strerror(errno))))
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                // Named as the user typed it; walked and read from its absolute path, so
                // relative folders, ".", ".." and symlinked working directories all work.
                let shown = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
                let root = absolute(path)
                let listing = DirectoryScanner().scan(root: root)
                for entry in listing.entries.sorted(by: { $0.path < $1.path }) where entry.kind == .regular {
                    result.append(.file(path: shown + "/" + entry.path, read: root + "/" + entry.path, root: root))
                }
            } else {
                // An explicitly named file is read even through a symlink the user gave.
                let resolved = absolute(path)
                let parent = resolved.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
                result.append(.file(path: path, read: resolved, root: parent.isEmpty ? "/" : parent))
            }
        }
        return result
    }

    /// The canonical absolute path (symlinks resolved), or `path` if it cannot be resolved.
    private static func absolute(_ path: String) -> String {
        realpath(path, nil).map { pointer -> String in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? path
    }
}
