import Glibc

extension JournalWriter {
    /// Where journald listens for native-protocol entries.
    public static let socketPath = "/run/systemd/journal/socket"

    /// Whether journald's native socket exists (entries sent now can arrive).
    public static var isJournalAvailable: Bool {
        var info = stat()
        guard stat(socketPath, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFSOCK
    }

    /// Whether standard error is connected to the journal, as systemd
    /// announces in `JOURNAL_STREAM=<device>:<inode>` for services whose
    /// output goes to the journal. Compares both numbers with `fstat(2)`.
    public static var stderrIsJournal: Bool {
        guard let raw = getenv("JOURNAL_STREAM") else { return false }
        return streamMatches(String(cString: raw), descriptor: STDERR_FILENO)
    }

    /// Whether `descriptor` is the stream named by a `JOURNAL_STREAM` value.
    static func streamMatches(_ value: String, descriptor: Int32) -> Bool {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }
}
