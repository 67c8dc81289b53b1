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

    /// `root` joined with a relative path (which may be empty).
    public static func join(_ root: String, _ relative: String) -> String {
        relative.isEmpty ? root : FilePath(root).pushing(FilePath(relative)).string
    }

    private static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
