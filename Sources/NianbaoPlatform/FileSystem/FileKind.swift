#if canImport(Glibc)
import Glibc
#endif

/// The type of a directory entry, as reported by `lstat` (symbolic links are never followed).
public enum FileKind: String, Sendable, Equatable, CustomStringConvertible {
    case regular = "regular file"
    case directory
    case symlink = "symbolic link"
    case fifo = "FIFO"
    case socket
    case characterDevice = "character device"
    case blockDevice = "block device"
    case unknown

    /// Classifies the `st_mode` of a `stat` structure.
    public init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symlink
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        default: self = .unknown
        }
    }

    /// Classifies a `d_type` from `readdir`; `nil` when the file system did not say (`DT_UNKNOWN`).
    init?(directoryEntryType type: UInt8) {
        switch Int(type) {
        case DT_REG: self = .regular
        case DT_DIR: self = .directory
        case DT_LNK: self = .symlink
        case DT_FIFO: self = .fifo
        case DT_SOCK: self = .socket
        case DT_CHR: self = .characterDevice
        case DT_BLK: self = .blockDevice
        default: return nil
        }
    }

    /// A human-readable name such as `"FIFO"` or `"symbolic link"`, for log lines and verdicts.
    public var description: String { rawValue }
}
