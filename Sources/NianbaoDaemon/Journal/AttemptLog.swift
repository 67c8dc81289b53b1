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
/// the attempts that have no verdict yet.
public final class AttemptLog: Sendable {
    /// Judgements that may die with the daemon before a file is failed instead.
    public static let maxAttempts = 3

    /// A report's content at a key.
    public struct Attempt: Hashable, Sendable {
        public var key: ReportKey
        public var sha256: String
    }

    private let path: String
    private let descriptor: Mutex<Int32>
    private let previous: Mutex<[Attempt: Int]>

    /// Opens the log at `path`, keeping only the attempts `hasVerdict` does not settle.
    public init(path: String, hasVerdict: (Attempt) -> Bool) throws {
        self.path = path
        var counts: [Attempt: Int] = [:]
        if let data = FileManager.default.contents(atPath: path) {
            let text = String(decoding: data, as: UTF8.self)
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ")
                guard fields.count == 4, let drop = Self.unhex(fields[2]), let relative = Self.unhex(fields[3]) else { continue }
                let attempt = Attempt(key: ReportKey(drop: drop, relativePath: relative), sha256: String(fields[1]))
                counts[attempt, default: 0] += fields[0] == "+" ? 1 : -1
            }
        }
        counts = counts.filter { $0.value > 0 && !hasVerdict($0.key) }
        var compacted = ""
        for (attempt, count) in counts.sorted(by: { $0.key.key < $1.key.key }) {
            for _ in 0..<count { compacted += Self.line("+", attempt) }
        }
        try SafeTreeWriter.replaceFile(at: path, with: Array(compacted.utf8))
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw AttemptLogError(path: path, errno: errno) }
        descriptor = Mutex(fd)
        previous = Mutex(counts)
    }

    deinit {
        _ = descriptor.withLock { close($0) }
    }

    /// How many earlier runs died while judging this content at this key.
    public func attempts(_ attempt: Attempt) -> Int {
        previous.withLock { $0[attempt] ?? 0 }
    }

    /// Notes that judging begins.
    public func begin(_ attempt: Attempt) { append(Self.line("+", attempt)) }

    /// Takes back a `begin` whose judgement was cancelled by a stop (not the file's fault).
    public func cancel(_ attempt: Attempt) { append(Self.line("-", attempt)) }

    /// Forgets the earlier attempts once the file has its verdict.
    public func settled(_ attempt: Attempt) { _ = previous.withLock { $0.removeValue(forKey: attempt) } }

    private func append(_ line: String) {
        let bytes = Array(line.utf8)
        descriptor.withLock { fd in
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        }
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
