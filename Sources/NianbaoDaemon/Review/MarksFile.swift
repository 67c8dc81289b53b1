#if canImport(Glibc)
import Glibc
#endif
import NianbaoPlatform
import SystemPackage

/// The marks file (`state.marksFile`, default `marks.jsonl` beside the verdict journal):
/// JSON Lines of ``ReviewMark``, append-only, with the verdict journal's durability
/// contract. `nianbao review` appends a line under an exclusive `flock(2)`, cuts a torn
/// last line left by a crash first (``AppendOnlyFile``), and returns only once the
/// line (and, for a new file, its directory entry) is on stable storage. The daemon
/// only reads it, skipping a last line without its newline.
public struct MarksFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The default path: `marks.jsonl` in the verdict journal's folder.
    public static func defaultPath(journal: String) -> String {
        let folder = FilePath(journal).removingLastComponent()
        return folder.isEmpty ? "marks.jsonl" : folder.appending("marks.jsonl").string
    }

    /// The marks in force (none when the file does not exist) and the number of unreadable lines.
    public func read() throws -> (marks: ReviewMarks, unreadable: Int) {
        ReviewMarks.parse(try AppendOnlyFile.readAll(path: path))
    }

    /// Appends a mark and waits until it is durable.
    public func append(_ mark: ReviewMark) throws {
        let line = try JSONLine.bytes(mark)
        let existed = access(path, F_OK) == 0
        try Directories.create(FilePath(path).removingLastComponent().string)
        let lock = try FileDescriptor.open(
            FilePath(path), .readOnly, options: [.create, .closeOnExec], permissions: [.ownerReadWrite, .groupRead])
        defer { try? lock.close() }
        while flock(lock.rawValue, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw Errno(rawValue: errno)
        }
        let file = try AppendOnlyFile(path: path)
        try file.append(line)
        try file.sync()
        if !existed { try Self.syncFolder(of: path) }
    }

    /// fsync of the folder, so a newly created file's name is durable too.
    private static func syncFolder(of path: String) throws {
        let folder = FilePath(path).removingLastComponent()
        let fd = try FileDescriptor.open(folder.isEmpty ? "." : folder, .readOnly, options: [.directory, .closeOnExec])
        defer { try? fd.close() }
        while fsync(fd.rawValue) != 0 {
            if errno == EINTR { continue }
            throw Errno(rawValue: errno)
        }
    }
}
