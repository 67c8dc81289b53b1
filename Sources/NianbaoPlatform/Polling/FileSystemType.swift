#if canImport(Glibc)
import Glibc
#endif

/// Which file systems report changes made elsewhere to inotify, and which do not.
///
/// inotify sees only what passes through this host's kernel. On a network file system
/// (NFS, SMB/CIFS, 9p, CephFS, AFS, Lustre …), a cluster file system (GFS2, OCFS2) or
/// a FUSE file system (sshfs, bindfs, GlusterFS, cloud-drive clients, virtiofs), a file
/// written by another machine or by the FUSE daemon's backend produces no event.
/// Such folders are polled.
public enum FileSystemType {
    /// `statfs.f_type` magic numbers of file systems whose remote changes inotify misses,
    /// with a short name for the log.
    static let remoteMagics: [Int: String] = [
        0x6969: "nfs", 0x517B: "smb", 0xFE53_4D42: "smb2", 0xFF53_4D42: "cifs",
        0x6573_5546: "fuse", 0x0102_1997: "9p", 0x00C3_6400: "ceph",
        0x5346_414F: "afs", 0x6B41_4653: "afs", 0x7375_7245: "coda", 0x564C: "ncp",
        0x7461_636F: "ocfs2", 0x0116_1970: "gfs2", 0x0BD0_0BD0: "lustre",
        0x2003_0528: "orangefs", 0x786F_4256: "vboxsf", 0x4750_4653: "gpfs",
        0x1990_0211: "beegfs",
    ]

    /// `/proc/self/mountinfo` file-system type names of the same kind (FUSE mounts show
    /// as `fuse`, `fuseblk` or `fuse.NAME`).
    static let remoteNames: Set<String> = [
        "nfs", "nfs4", "smb", "smb3", "smbfs", "cifs", "9p", "ceph", "afs", "coda", "ncpfs",
        "ocfs2", "gfs2", "lustre", "orangefs", "pvfs2", "vboxsf", "gpfs", "beegfs", "glusterfs",
        "virtiofs", "fuse", "fuseblk", "davfs", "sshfs", "ftpfs", "curlftpfs", "s3fs",
    ]

    /// The short name of a remote file system from its `statfs` magic; nil for a local one.
    public static func remoteName(magic: Int) -> String? {
        remoteMagics[magic & 0xFFFF_FFFF]
    }

    /// Whether a `mountinfo` type name is a file system whose remote changes inotify misses.
    public static func isRemote(typeName: String) -> Bool {
        remoteNames.contains(typeName) || typeName.hasPrefix("fuse.") || typeName.hasPrefix("nfs")
    }

    /// `statfs(2)` of `path`, as the remote name (nil: local) and the raw magic; nil when
    /// it fails. May block on a hung network mount: see ``WatchPlanDetector``.
    public static func statfsKind(_ path: String) -> (remote: String?, magic: Int)? {
        // struct statfs (not imported by the Glibc module) starts with `f_type`, a long, on
        // every Linux architecture; 256 bytes hold the whole structure.
        var buffer = [UInt64](repeating: 0, count: 32)
        let result = buffer.withUnsafeMutableBytes { raw in
            FileNameCoding.withCString(path) { linuxStatfs($0, raw.baseAddress!) }
        }
        guard result == 0 else { return nil }
        let magic = Int(truncatingIfNeeded: Int64(bitPattern: buffer[0]))
        return (remoteName(magic: magic), magic)
    }
}

/// statfs(2) (its header is not imported by the Glibc module).
@_silgen_name("statfs")
private func linuxStatfs(_ path: UnsafePointer<CChar>, _ buffer: UnsafeMutableRawPointer) -> Int32
