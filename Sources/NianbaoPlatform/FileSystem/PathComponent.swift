/// The one check that a path component below a root is a plain name: not empty,
/// not `.` or `..`, without `/` or NUL. Anything else could leave the root or name
/// something other than a file in the folder.
public enum PathComponent {
    /// Whether `component` is a plain name.
    public static func isPlainName(_ component: some StringProtocol) -> Bool {
        var count = 0
        var dots = 0
        for byte in component.utf8 {
            if byte == UInt8(ascii: "/") || byte == 0 { return false }
            if byte == UInt8(ascii: ".") { dots += 1 }
            count += 1
        }
        return count > 0 && !(dots == count && count <= 2)
    }

    /// The components of a relative path (`a/b/c`), or nil unless every one is a plain
    /// name: an absolute path, `a//b`, `a/./b`, `a/../b` and a trailing `/` are refused.
    public static func plainComponents(_ path: String) -> [String]? {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard components.allSatisfy(isPlainName) else { return nil }
        return components.map(String.init)
    }
}
