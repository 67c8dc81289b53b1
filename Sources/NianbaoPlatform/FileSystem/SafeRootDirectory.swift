#if canImport(Glibc)
import Glibc
#endif

/// A folder opened once, to read many files below it with ``SafeFileReader``'s
/// guarantees (no symbolic link followed, no FIFO or device opened, nothing read
/// outside the folder, a file changing while read refused) without walking the
/// folder's own path again for every file — what `nianbao check DIR` does for
/// thousands of files.
///
/// The descriptor is closed when the last reference goes away.
public final class SafeRootDirectory: Sendable {
    /// The folder as opened (its absolute path).
    public let path: String
    private let descriptor: Int32

    /// Opens the folder at `path` (symbolic links in `path` itself are followed, as
    /// when a user names a folder), or returns why it cannot be opened.
    public static func open(_ path: String) -> Result<SafeRootDirectory, SafeReadRefusal> {
        SafeDirectory.open([String](), within: path).map { SafeRootDirectory(path: path, descriptor: $0) }
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Reads the file at `relativePath` below the folder; `..` components are refused.
    public func read(_ relativePath: String, maxBytes: Int, reader: SafeFileReader = SafeFileReader()) -> SafeReadResult {
        // The usual case, a plain name in the folder itself: no splitting, no array.
        if PathComponent.isPlainName(relativePath) {
            return reader.read(name: relativePath, in: descriptor, maxBytes: maxBytes)
        }
        guard let components = RootRelativePath.components(of: relativePath, within: "/"), !relativePath.hasPrefix("/") else {
            return .refused(.outsideRoot)
        }
        return reader.read(components: components, below: descriptor, maxBytes: maxBytes)
    }
}
