#if canImport(Glibc)
import Glibc
#endif

/// Reads files from a drop folder without ever following a symbolic link, blocking on a FIFO,
/// opening a device for reading, leaving the folder, or trusting a file that changed while it was read.
///
/// The path is walked from the root directory one component at a time with `openat` and
/// `O_NOFOLLOW | O_DIRECTORY`, so no symbolic link on the way can lead outside the root.
/// The final entry is classified with `fstatat(AT_SYMLINK_NOFOLLOW)` before it is opened with
/// `O_NOFOLLOW | O_NONBLOCK | O_NOCTTY`, and checked again with `fstat` on the open descriptor.
public struct SafeFileReader: Sendable {
    /// Test hook: runs after the file was opened and checked, before its content is read.
    let afterOpen: (@Sendable () -> Void)?

    /// Creates a reader.
    public init() { self.afterOpen = nil }

    init(afterOpen: @escaping @Sendable () -> Void) { self.afterOpen = afterOpen }

    /// Reads the whole file at `path` (relative to `root`, or absolute under `root`).
    ///
    /// Files larger than `maxBytes` are refused from their size alone, without being read.
    /// The returned identity is taken after reading and equals the one taken before.
    public func read(path: String, within root: String, maxBytes: Int) -> SafeReadResult {
        guard let components = RootRelativePath.components(of: path, within: root) else {
            return .refused(.outsideRoot)
        }
        guard let name = components.last else { return .refused(.notRegularFile(kind: .directory)) }
        return read(name: name, in: SafeDirectory.open(components.dropLast(), within: root), maxBytes: maxBytes)
    }

    /// Reads the file `components` below the open directory `root` (which stays open):
    /// the walk ``SafeRootDirectory`` uses, without opening the root again for each file.
    func read(components: [String], below root: Int32, maxBytes: Int) -> SafeReadResult {
        guard let name = components.last else { return .refused(.notRegularFile(kind: .directory)) }
        if components.count == 1 { return read(name: name, in: root, maxBytes: maxBytes) }
        return read(name: name, in: SafeDirectory.walk(components.dropLast(), from: root, closingStart: false), maxBytes: maxBytes)
    }

    /// Reads `name` in the folder just opened (closing it after), or returns why it could not be opened.
    private func read(name: String, in folder: Result<Int32, SafeReadRefusal>, maxBytes: Int) -> SafeReadResult {
        switch folder {
        case .failure(let refusal):
            return .refused(refusal)
        case .success(let dirFD):
            defer { close(dirFD) }
            return read(name: name, in: dirFD, maxBytes: maxBytes)
        }
    }

    /// Reads the entry `name` of the open directory `dirFD`: classified without following
    /// it, opened without following it, checked again on the descriptor, read, checked once more.
    func read(name: String, in dirFD: Int32, maxBytes: Int) -> SafeReadResult {
        var before = stat()
        if FileNameCoding.withCString(name, { fstatat(dirFD, $0, &before, AT_SYMLINK_NOFOLLOW) }) != 0 { return .refused(SafeDirectory.refusal(errno)) }
        let kind = FileKind(mode: before.st_mode)
        if kind != .regular { return .refused(.notRegularFile(kind: kind)) }
        if before.st_size > Int64(maxBytes) { return .refused(.tooLarge(size: Int64(before.st_size), limit: maxBytes)) }

        let fd = DirectoryWalk.retrying { FileNameCoding.withCString(name) { openat(dirFD, $0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY) } }
        if fd < 0 { return .refused(SafeDirectory.refusal(errno)) }
        defer { close(fd) }
        var opened = stat()
        if fstat(fd, &opened) != 0 { return .refused(.ioError(errno: errno)) }
        let openedKind = FileKind(mode: opened.st_mode)
        if openedKind != .regular { return .refused(.notRegularFile(kind: openedKind)) }
        if opened.st_size > Int64(maxBytes) { return .refused(.tooLarge(size: Int64(opened.st_size), limit: maxBytes)) }
        afterOpen?()

        let expected = Int(opened.st_size)
        let readResult = Self.readAll(fd: fd, expected: expected)
        guard case .success(let bytes) = readResult else {
            if case .failure(let refusal) = readResult { return .refused(refusal) }
            return .refused(.ioError(errno: EINVAL))
        }
        var after = stat()
        if fstat(fd, &after) != 0 { return .refused(.ioError(errno: errno)) }
        let identityBefore = FileIdentity(opened)
        let identityAfter = FileIdentity(after)
        if bytes.count != expected || identityBefore != identityAfter { return .refused(.changedWhileReading) }
        return .content(bytes: bytes, identity: identityAfter)
    }

    /// The identity of the entry at `path` via `lstat` (a symbolic link describes itself), or `nil` if it is gone.
    /// A path past PATH_MAX is reached in pieces (``LongPath``).
    public func identity(path: String) -> FileIdentity? {
        LongPath.lstat(path).map(FileIdentity.init)
    }

    /// Reads until end of file, at most one byte more than `expected` (to notice growth).
    private static func readAll(fd: Int32, expected: Int) -> Result<[UInt8], SafeReadRefusal> {
        let capacity = expected + 1
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < capacity {
                let n = Glibc.read(fd, buffer.baseAddress! + count, capacity - count)
                if n > 0 { count += n; continue }
                if n == 0 { break }
                if errno == EINTR { continue }
                failure = errno
                break
            }
        }
        if failure != 0 { return .failure(.ioError(errno: failure)) }
        return .success(bytes)
    }
}
