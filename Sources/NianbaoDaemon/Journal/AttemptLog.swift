import Foundation
import NianbaoPlatform
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Which reports were being judged when the daemon last died, so that a file
/// that kills the daemon (a trap in the engine, an OOM kill, SIGKILL) is not
/// retried forever: after `maxAttempts` starts that found it in flight, it gets
/// a fail verdict instead.
///
/// An append-only file beside the verdict journal: a line `+ SHA DROP PATH` before
/// a report is judged, `- SHA DROP PATH` when a judgement was cancelled by a stop
/// (names hex-encoded). Lines are written with write(2) and no fsync: they
/// survive the death of the process, which is what they record; after a host
/// crash a lost line costs one more attempt. At start the file is compacted to
/// the attempts that have no verdict yet; lines that do not parse are dropped, and
/// something else in its place (a folder) is moved aside to `<path>.damaged`.
///
/// Self-healing: the attempts that matter (earlier runs' without a verdict, and
/// this run's in flight) are also kept in memory. A file deleted or replaced while
/// the daemon runs is found before the next attempt is noted (and by the daemon's
/// periodic check) and written again from them at its path, so a poison file's
/// count is not lost to a deleted inode.
public final class AttemptLog: Sendable {
    /// Judgements that may die with the daemon before a file is failed instead.
    public static let maxAttempts = 3

    /// A report's content at a key.
    public struct Attempt: Hashable, Sendable {
        public var key: ReportKey
        public var sha256: String

        public init(key: ReportKey, sha256: String) {
            self.key = key
            self.sha256 = sha256
        }
    }

    private struct State {
        var fd: Int32
        /// Earlier runs' attempts without a verdict.
        var previous: [Attempt: Int]
        /// This run's judgements begun and not yet ended.
        var inFlight: [Attempt: Int] = [:]
        /// Rewritten since the last ``healIfLost()`` said so.
        var healedUntold = false
    }

    /// The file.
    public let path: String
    private let state: Mutex<State>
    /// What start-up found in the file's place and moved aside (said as a notice), if anything.
    public let damaged: String?

    /// Opens the log at `path`, keeping only the attempts `hasVerdict` does not settle.
    public init(path: String, hasVerdict: (Attempt) -> Bool) throws {
        self.path = path
        var counts: [Attempt: Int] = [:]
        var damaged: String?
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            // Not a file (a folder, a link): moved aside, the log starts afresh.
            let aside = path + ".damaged"
            try? FileManager.default.removeItem(atPath: aside)
            guard rename(path, aside) == 0 else { throw AttemptLogError(path: path, errno: errno) }
            damaged = "attempt log \(path) was not a regular file; moved to \(aside) and started afresh"
        } else if let data = FileManager.default.contents(atPath: path) {
            let text = String(decoding: data, as: UTF8.self)
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ")
                guard fields.count == 4, fields[0] == "+" || fields[0] == "-", Self.isHash(fields[1]),
                      let drop = Self.unhex(fields[2]), let relative = Self.unhex(fields[3]) else { continue }
                let attempt = Attempt(key: ReportKey(drop: drop, relativePath: relative), sha256: String(fields[1]))
                counts[attempt, default: 0] += fields[0] == "+" ? 1 : -1
            }
        }
        counts = counts.filter { $0.value > 0 && !hasVerdict($0.key) }
        self.damaged = damaged
        let fd = try Self.writeLog(counts, to: path)
        state = Mutex(State(fd: fd, previous: counts))
    }

    deinit {
        state.withLock { _ = close($0.fd) }
    }

    /// How many earlier runs died while judging this content at this key.
    public func attempts(_ attempt: Attempt) -> Int {
        state.withLock { $0.previous[attempt] ?? 0 }
    }

    /// Notes that judging begins.
    public func begin(_ attempt: Attempt) {
        state.withLock { state in
            heal(&state)
            state.inFlight[attempt, default: 0] += 1
            append(Self.line("+", attempt), state.fd)
        }
    }

    /// Takes back a `begin` whose judgement was cancelled by a stop (not the file's fault).
    public func cancel(_ attempt: Attempt) {
        state.withLock { state in
            Self.end(attempt, &state)
            append(Self.line("-", attempt), state.fd)
        }
    }

    /// Forgets the earlier attempts once the file has its verdict (the judgement begun, if any, ended).
    public func settled(_ attempt: Attempt) {
        state.withLock { state in
            state.previous.removeValue(forKey: attempt)
            Self.end(attempt, &state)
        }
    }

    /// Writes the log again at its path if the file open was deleted or replaced;
    /// true when that happened since the last call (here or before an attempt).
    public func healIfLost() -> Bool {
        state.withLock { state in
            heal(&state)
            defer { state.healedUntold = false }
            return state.healedUntold
        }
    }

    private static func end(_ attempt: Attempt, _ state: inout State) {
        guard let count = state.inFlight[attempt] else { return }
        state.inFlight[attempt] = count > 1 ? count - 1 : nil
    }

    /// Rewrites the file from memory if the one open is no longer at the path.
    private func heal(_ state: inout State) {
        guard Self.isLost(state.fd, path: path) else { return }
        var counts = state.previous
        for (attempt, count) in state.inFlight { counts[attempt, default: 0] += count }
        guard let fd = try? Self.writeLog(counts, to: path) else { return }
        close(state.fd)
        state.fd = fd
        state.healedUntold = true
    }

    /// Whether the file open was unlinked or another file (or none) is at the path.
    private static func isLost(_ fd: Int32, path: String) -> Bool {
        var open = stat()
        var named = stat()
        guard fstat(fd, &open) == 0 else { return false }
        if open.st_nlink == 0 { return true }
        guard lstat(path, &named) == 0 else { return true }
        return named.st_dev != open.st_dev || named.st_ino != open.st_ino
    }

    /// Replaces the file with `counts` (atomically) and opens it for appending.
    private static func writeLog(_ counts: [Attempt: Int], to path: String) throws -> Int32 {
        var compacted = ""
        for (attempt, count) in counts.sorted(by: { $0.key.key < $1.key.key }) {
            for _ in 0..<count { compacted += line("+", attempt) }
        }
        try SafeTreeWriter.replaceFile(at: path, with: Array(compacted.utf8))
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw AttemptLogError(path: path, errno: errno) }
        return fd
    }

    private func append(_ line: String, _ fd: Int32) {
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    private static func isHash(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { nibble($0) != nil }
    }

    private static func line(_ sign: String, _ attempt: Attempt) -> String {
        "\(sign) \(attempt.sha256) \(hex(attempt.key.drop)) \(hex(attempt.key.relativePath.string))\n"
    }

    private static func hex(_ text: String) -> String {
        text.isEmpty ? "-" : Hex.lowercase(FileNameCoding.encode(text))
    }

    private static func unhex(_ text: Substring) -> String? {
        if text == "-" { return "" }
        let bytes = Array(text.utf8)
        guard bytes.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let high = nibble(bytes[index]), let low = nibble(bytes[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return FileNameCoding.decode(out)
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

/// The attempt log could not be opened.
public struct AttemptLogError: Error, CustomStringConvertible {
    public var path: String
    public var errno: Int32
    public var description: String { "cannot open attempt log \(path) (errno \(errno))" }
}
