#if canImport(Glibc)
import Glibc
#endif

/// What identifies one version of a file: its inode, size and change times.
///
/// Two identities that compare equal almost certainly describe the same unchanged content
/// (barring deliberate timestamp forgery); any write changes `ctime`.
public struct FileIdentity: Sendable, Hashable {
    /// The device the file lives on (`st_dev`).
    public var device: UInt64
    /// The inode number (`st_ino`).
    public var inode: UInt64
    /// The size in bytes (`st_size`).
    public var size: Int64
    /// The last modification time in nanoseconds since the epoch (`st_mtim`).
    public var modificationTimeNanoseconds: Int64
    /// The last status change time in nanoseconds since the epoch (`st_ctim`).
    public var changeTimeNanoseconds: Int64
    /// The entry's type.
    public var kind: FileKind

    /// Creates an identity from its parts.
    public init(device: UInt64, inode: UInt64, size: Int64, modificationTimeNanoseconds: Int64,
                changeTimeNanoseconds: Int64, kind: FileKind) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modificationTimeNanoseconds = modificationTimeNanoseconds
        self.changeTimeNanoseconds = changeTimeNanoseconds
        self.kind = kind
    }

    /// Creates an identity from a `stat` structure.
    public init(_ st: stat) {
        self.init(
            device: UInt64(st.st_dev),
            inode: UInt64(st.st_ino),
            size: Int64(st.st_size),
            modificationTimeNanoseconds: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
            changeTimeNanoseconds: Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec),
            kind: FileKind(mode: st.st_mode)
        )
    }
}
