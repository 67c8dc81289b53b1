#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// A file being written below a ``SafeTreeWriter``'s root, not yet visible: a hidden
/// temporary file (`.<name>.<pid>.<random>.tmp`, created exclusively and never through
/// a link) in the target's folder, with the writer's file mode set exactly (`fchmod`,
/// whatever the umask). Bytes go through a 64 KiB buffer, so a large file is written
/// as a stream and never held whole.
///
/// ``commit()`` puts it in place atomically; ``discard()``, or letting it go without a
/// commit, removes it. The first write error stops the writing; `commit` throws it.
public final class PendingFile {
    /// The target's name in its folder.
    public let name: String
    let folder: OpenFolder
    let temporaryName: String
    private var fd: FileDescriptor?
    private var buffer: [UInt8] = []
    private var finished = false
    /// The first write error, if any.
    public private(set) var error: (any Error)?

    static let bufferSize = 65_536

    init(name: String, in folder: OpenFolder, permissions: FilePermissions) throws {
        self.name = name
        self.folder = folder
        temporaryName = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let mode = permissions.rawValue
        let raw = DirectoryWalk.retrying {
            temporaryName.withCString { openat(folder.fd, $0, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode) }
        }
        if raw < 0 { throw Errno(rawValue: errno) }
        fd = FileDescriptor(rawValue: raw)
        if fchmod(raw, mode) != 0 {
            let code = errno
            discard()
            throw Errno(rawValue: code)
        }
    }

    deinit { if !finished { discard() } }

    /// Appends `bytes` (buffered).
    public func write(_ bytes: UnsafeRawBufferPointer) {
        if buffer.count + bytes.count > Self.bufferSize { flush() }
        if bytes.count >= Self.bufferSize { return writeOut(bytes) }
        if buffer.capacity < Self.bufferSize { buffer.reserveCapacity(Self.bufferSize) }
        buffer.append(contentsOf: bytes)
    }

    /// Appends `bytes`; a whole file's bytes given at once go straight to the file.
    public func write(_ bytes: [UInt8]) {
        if buffer.isEmpty { return bytes.withUnsafeBytes { writeOut($0) } }
        bytes.withUnsafeBytes { write($0) }
    }

    /// Puts the file in place: fsyncs it, renames it over the target (an existing
    /// target, even a symbolic link, is replaced, never written through) and fsyncs
    /// the folder. When it returns, the target holds exactly the bytes written, on
    /// stable storage; after a crash at any point before, the target holds its old
    /// content or its new, never a mixture. On an error the target is untouched and
    /// the temporary file removed.
    public func commit() throws {
        do {
            try close(syncing: true)
            try Self.rename(temporaryName, to: name, in: folder.fd)
        } catch {
            discard()
            throw error
        }
        finished = true
        try folder.sync()
    }

    /// Drops the file: the target stays as it is, the temporary file is removed.
    public func discard() {
        if let fd { try? fd.close() }
        fd = nil
        finished = true
        _ = temporaryName.withCString { unlinkat(folder.fd, $0, 0) }
    }

    /// Writes out the buffer and closes the file, fsyncing it first if `syncing`;
    /// throws the first write error. The temporary file stays for ``rename(_:to:in:)``.
    func close(syncing: Bool) throws {
        flush()
        if let error { throw error }
        guard let fd else { return }
        self.fd = nil
        try fd.closeAfter { if syncing { try fd.sync() } }
    }

    /// Hands the closed temporary file over to a batch, which renames or removes it.
    func detach() { finished = true }

    /// renameat(2) of `temporary` over `name` in the folder `folder`; on failure the
    /// temporary file is removed.
    static func rename(_ temporary: String, to name: String, in folder: Int32) throws {
        let result = temporary.withCString { from in name.withCString { renameat(folder, from, folder, $0) } }
        if result != 0 {
            let code = errno
            _ = temporary.withCString { unlinkat(folder, $0, 0) }
            throw Errno(rawValue: code)
        }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { writeOut($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ bytes: UnsafeRawBufferPointer) {
        guard error == nil, let fd else { return }
        do { _ = try fd.writeAll(bytes) } catch { self.error = error }
    }
}
