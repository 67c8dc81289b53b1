import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// The one place where configured paths become the absolute, lexically normal
/// form in which roots appear in watch events, journal records and status files.
///
/// Built on swift-system's `FilePath`: relative paths are resolved against the
/// current directory; `.` components, `..` (lexically), duplicate and trailing
/// slashes are removed. Symbolic links are not resolved.
public enum CanonicalPath {
    /// `path` made absolute and lexically normal.
    public static func absolute(_ path: String) -> String {
        var file = FilePath(path)
        if file.isRelative { file = FilePath(currentDirectory()).pushing(file) }
        return file.lexicallyNormalized().string
    }

    /// `path` without trailing slashes (`"/"` stays `"/"`); not made absolute.
    public static func trimmed(_ path: String) -> String {
        FilePath(path).string
    }

    /// `root` joined with a relative path (which may be empty). The usual case — a
    /// canonical root and plain names joined by single slashes, as the watcher makes
    /// them — is joined as text (a path thousands of bytes deep is joined in time
    /// linear in its length); anything else goes through `FilePath`.
    public static func join(_ root: String, _ relative: String) -> String {
        if relative.isEmpty { return root }
        if isPlain(relative) && !root.isEmpty && (root == "/" || root.utf8.last != UInt8(ascii: "/")) {
            return root == "/" ? "/" + relative : root + "/" + relative
        }
        return FilePath(root).pushing(FilePath(relative)).string
    }

    /// Whether `path` is relative and made of plain names (no empty, `.` or `..` component).
    private static func isPlain(_ path: String) -> Bool {
        var start = true
        var dots = 0
        var length = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if start || (dots == length && dots <= 2) { return false }
                start = true
                dots = 0
                length = 0
                continue
            }
            if byte == 0 { return false }
            start = false
            length += 1
            if byte == UInt8(ascii: ".") { dots += 1 }
        }
        return !start && !(dots == length && dots <= 2)
    }

    private static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
