/// Why ``SafeFileReader`` declined to return a file's content.
public enum SafeReadRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The entry is not a regular file (FIFO, socket, device, symbolic link or directory); it was not opened for reading.
    case notRegularFile(kind: FileKind)
    /// The path is absolute but not under the root, contains `..`, or passes through a symbolic link
    /// (which could lead outside the root).
    case outsideRoot
    /// The file is larger than the limit; it was not read.
    case tooLarge(size: Int64, limit: Int)
    /// The file (or a directory on the way) may not be opened by this process.
    case permissionDenied
    /// The file (or a directory on the way, or the root) no longer exists.
    case vanished
    /// The file's size, modification or change time differed after reading: someone is still writing it.
    case changedWhileReading
    /// Any other failure, with its `errno`.
    case ioError(errno: Int32)

    /// A short explanation for log lines and verdicts.
    public var description: String {
        switch self {
        case .notRegularFile(let kind): "not a regular file (\(kind))"
        case .outsideRoot: "path leads outside the watched folder"
        case .tooLarge(let size, let limit): "too large (\(size) bytes, limit \(limit))"
        case .permissionDenied: "permission denied"
        case .vanished: "file vanished"
        case .changedWhileReading: "file changed while being read"
        case .ioError(let code): "I/O error (errno \(code))"
        }
    }
}

/// The outcome of ``SafeFileReader/read(path:within:maxBytes:)``.
public enum SafeReadResult: Sendable, Equatable {
    /// The complete content, and the identity of the file it was read from (taken after reading).
    case content(bytes: [UInt8], identity: FileIdentity)
    /// The file was not read, or its content is not trustworthy.
    case refused(SafeReadRefusal)
}
