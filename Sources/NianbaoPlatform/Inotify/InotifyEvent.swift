#if canImport(Glibc)
import Glibc
#endif

/// One `struct inotify_event` as read from the inotify descriptor.
struct InotifyEvent {
    var wd: Int32
    var mask: UInt32
    var cookie: UInt32
    /// The raw name bytes (without NUL padding); empty for events on the watched directory itself.
    var name: [UInt8]

    func has(_ flag: Int32) -> Bool { mask & UInt32(bitPattern: flag) != 0 }

    /// Splits a buffer filled by `read(2)` into events; a truncated trailing record is dropped.
    static func parse(_ buffer: UnsafeRawBufferPointer) -> [InotifyEvent] {
        let header = MemoryLayout<inotify_event>.size
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + header <= buffer.count {
            let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let start = offset + header
            guard start + length <= buffer.count else { break }
            let name = Array(buffer[start ..< start + length].prefix { $0 != 0 })
            events.append(InotifyEvent(wd: wd, mask: mask, cookie: cookie, name: name))
            offset = start + length
        }
        return events
    }
}

/// The inotify masks used by the watcher.
enum InotifyMask {
    /// One mask for every watch: adding a watch on an inode already watched replaces its mask,
    /// so tree watches and watches on ancestors of lost roots must use the same one.
    static let tree: UInt32 = UInt32(bitPattern: IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
        | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK)
    /// Added for directories below a root: a symbolic link is never watched through.
    static let dontFollow: UInt32 = UInt32(bitPattern: IN_DONT_FOLLOW)
}
