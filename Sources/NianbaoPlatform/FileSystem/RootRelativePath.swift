/// Splits a path into components below a root, refusing anything that could climb out of it.
enum RootRelativePath {
    /// The components of `path` below `root`, or `nil` if `path` is absolute outside `root`
    /// or contains a `..` component or a NUL byte. `path` may be relative to `root` or absolute.
    static func components(of path: String, within root: String) -> [String]? {
        let root = CanonicalPath.trimmed(root)
        var rest = Substring(path)
        if rest.hasPrefix("/") {
            if root == "/" {
                rest = rest.dropFirst()
            } else if rest == root {
                rest = ""
            } else if rest.hasPrefix(root + "/") {
                rest = rest.dropFirst(root.count + 1)
            } else {
                return nil
            }
        }
        var result: [String] = []
        for part in rest.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            guard PathComponent.isPlainName(part) else { return nil }
            result.append(String(part))
        }
        return result
    }
}
