import NianbaoPlatform
#if canImport(Glibc)
import Glibc
#endif

/// Expands command-line paths into files to check: files as given, folders recursively.
enum CheckTargets {
    enum Target {
        /// A file as named (`path`), where to read it: `relative` below the opened folder `root`.
        case file(path: String, relative: String, root: SafeRootDirectory)
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
                let resolved = absolute(path)
                guard let root = open(resolved, named: path, into: &result) else { continue }
                let listing = DirectoryScanner().scan(root: resolved)
                // In the byte order of their paths (Unicode order for the NFC names systems write).
                let files = listing.entries.filter { $0.kind == .regular }.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
                for entry in files {
                    result.append(.file(path: shown + "/" + entry.path, relative: entry.path, root: root))
                }
            } else {
                // An explicitly named file is read even through a symlink the user gave.
                let resolved = absolute(path)
                var parts = resolved.split(separator: "/", omittingEmptySubsequences: false)
                let name = String(parts.removeLast())
                let parent = parts.joined(separator: "/")
                guard let root = open(parent.isEmpty ? "/" : parent, named: path, into: &result) else { continue }
                result.append(.file(path: path, relative: name, root: root))
            }
        }
        return result
    }

    /// The folder at `path` opened for reading below it, or nil with the reason appended as a missing target.
    private static func open(_ path: String, named name: String, into result: inout [Target]) -> SafeRootDirectory? {
        switch SafeRootDirectory.open(path) {
        case .success(let root): return root
        case .failure(let refusal):
            result.append(.missing(path: name, reason: "\(refusal)"))
            return nil
        }
    }

    /// The canonical absolute path (symlinks resolved), or `path` if it cannot be resolved.
    private static func absolute(_ path: String) -> String {
        realpath(path, nil).map { pointer -> String in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? path
    }
}
