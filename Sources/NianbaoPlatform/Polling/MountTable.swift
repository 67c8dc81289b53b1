#if canImport(Glibc)
import Glibc
#endif

/// The mount points of this process's mount namespace, from `/proc/self/mountinfo`
/// (which never blocks, even when a network mount hangs).
public struct MountTable: Sendable, Equatable {
    /// One mount: where it is and its file-system type name (`ext4`, `nfs4`, `fuse.bindfs` …).
    public struct Mount: Sendable, Equatable {
        public var mountPoint: String
        public var type: String
        public init(mountPoint: String, type: String) {
            self.mountPoint = mountPoint
            self.type = type
        }
    }

    public var mounts: [Mount]

    public init(mounts: [Mount]) { self.mounts = mounts }

    /// Reads `/proc/self/mountinfo`; empty when it cannot be read.
    public static func current() -> MountTable {
        let fd = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return MountTable(mounts: []) }
        defer { close(fd) }
        var text: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while text.count < 16 << 20 {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            text += buffer[..<count]
        }
        return parse(String(decoding: text, as: UTF8.self))
    }

    /// Parses mountinfo text: field 5 is the mount point (octal escapes such as `\040`
    /// for a space), the field after `-` is the type.
    public static func parse(_ text: String) -> MountTable {
        var mounts: [Mount] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 7, let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count, dash > 5 else { continue }
            mounts.append(Mount(mountPoint: unescape(fields[4]), type: String(fields[dash + 1])))
        }
        return MountTable(mounts: mounts)
    }

    /// The mounts strictly below `path` (lexically: `path` as given, absolute and without a
    /// trailing slash), in mount order; a later mount on the same point hides an earlier one.
    public func mounts(below path: String) -> [Mount] {
        let prefix = path == "/" ? "/" : path + "/"
        var latest: [String: Mount] = [:]
        var order: [String] = []
        for mount in mounts where mount.mountPoint.hasPrefix(prefix) && mount.mountPoint != path {
            if latest[mount.mountPoint] == nil { order.append(mount.mountPoint) }
            latest[mount.mountPoint] = mount
        }
        return order.compactMap { latest[$0] }
    }

    /// The mount holding `path` (the longest mount point that is `path` or an ancestor), lexically.
    public func mount(holding path: String) -> Mount? {
        var best: Mount?
        for mount in mounts {
            let point = mount.mountPoint
            let holds = point == "/" || path == point || path.hasPrefix(point + "/")
            if holds && (best == nil || point.count >= best!.mountPoint.count) { best = mount }
        }
        return best
    }

    private static func unescape(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        var bytes: [UInt8] = []
        let utf8 = Array(field.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == 0x5C, i + 3 < utf8.count,
               let value = UInt8(String(decoding: utf8[(i + 1)...(i + 3)], as: UTF8.self), radix: 8) {
                bytes.append(value)
                i += 4
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return FileNameCoding.decode(bytes)
    }
}
