/// Splits a path into components below a root, refusing anything that could climb out of it.
enum RootRelativePath {
    /// The root without trailing slashes (`"/"` stays `"/"`).
    static func normalizedRoot(_ root: String) -> String {
        var r = Substring(root)
        while r.count > 1 && r.hasSuffix("/") { r = r.dropLast() }
        return String(r)
    }

    /// The components of `path` below `root`, or `nil` if `path` is absolute outside `root`
    /// or contains a `..` component or a NUL byte. `path` may be relative to `root` or absolute.
    static func components(of path: String, within root: String) -> [String]? {
        let root = normalizedRoot(root)
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
            if part == ".." || part.contains("\0") { return nil }
            result.append(String(part))
        }
        return result
    }

    /// `root` joined with a relative path (which may be empty).
    static func join(_ root: String, _ relative: String) -> String {
        if relative.isEmpty { return root }
        return root == "/" ? "/" + relative : root + "/" + relative
    }
}
