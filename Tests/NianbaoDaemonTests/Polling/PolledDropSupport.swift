import Foundation
import NianbaoDaemon
import NianbaoPlatform
import NianbaoTestSupport
import Synchronization

/// Keeps the daemon's notices and verdicts, for waiting on them.
final class NoticeRecorder: DaemonObserver {
    private let notices = Mutex<[DaemonNotice]>([])
    private let verdicts = Mutex<[(drop: String, path: String, event: String)]>([])

    func verdict(_ record: VerdictRecord, key: ReportKey) {
        verdicts.withLock { $0.append((key.drop, key.relativePath.string, record.event?.rawValue ?? "new")) }
    }

    func removed(_ record: VerdictRecord, key: ReportKey) {
        verdicts.withLock { $0.append((key.drop, key.relativePath.string, "removed")) }
    }

    func notice(_ notice: DaemonNotice) { notices.withLock { $0.append(notice) } }

    var all: [DaemonNotice] { notices.withLock { $0 } }

    /// Verdicts (new or changed) of `path` in `drop`.
    func verdictCount(_ drop: String, _ path: String) -> Int {
        verdicts.withLock { $0.filter { $0.drop == drop && $0.path == path && $0.event != "removed" }.count }
    }

    func removals(_ drop: String, _ path: String) -> Int {
        verdicts.withLock { $0.filter { $0.drop == drop && $0.path == path && $0.event == "removed" }.count }
    }

    /// The watch mode told for `drop`.
    func mode(of drop: String) -> WatchPlan? {
        all.compactMap { if case .watchMode(let folder, let plan, _) = $0, folder.name == drop { plan } else { nil } }.last
    }
}

/// Writes `bytes` with plain open/write/close (no rename into place): what an SMB or NFS
/// client does on the server's disk.
func writePlain(_ path: String, _ bytes: [UInt8]) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count else { throw POSIXError(.EIO) }
}
