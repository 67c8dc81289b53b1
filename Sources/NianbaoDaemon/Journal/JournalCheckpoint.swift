import Foundation
import NianbaoPlatform
import SystemPackage

/// The daemon's state at one point of the verdict journal, so that start-up
/// reads the state plus the journal written after it, not the whole history.
///
/// File `<journal>.checkpoint`, JSON Lines: a header (version, the journal file's
/// device and inode and the offset reached, the next sequence number, the counts,
/// the last time written), then one verdict record per current report (without
/// its tables: key, hash, verdict, findings, arrival, sequence), then one line per
/// remembered arrival (`{"a": time, "g": agency, "q": sequence, "s": sha256}`).
/// Written to a temporary file, synced and renamed over the old one: a reader sees
/// the old checkpoint or the new one, never a mix.
///
/// Version 2 keys arrivals by content and agency. A version-1 checkpoint (arrivals
/// by content and drop folder, `"d"`) is still read: its arrivals count as the
/// content's arrival under any agency, and the current reports' records give theirs.
/// The previous version refuses a version-2 checkpoint and reads the whole journal.
public enum JournalCheckpoint {
    /// The first line.
    public struct Header: Sendable, Hashable, Codable {
        public var checkpoint = JournalCheckpoint.version
        /// The journal file and offset up to which everything is in this checkpoint.
        public var journal: FilePosition
        public var nextSeq: Int
        public var records: Int
        public var arrivals: Int
        /// The latest `time` written to the journal (to tell a clock set back while stopped).
        public var lastTime: String?

        enum CodingKeys: String, CodingKey {
            case checkpoint, journal, nextSeq = "next_seq", records, arrivals, lastTime = "last_time"
        }
    }

    /// The version written.
    public static let version = 2

    struct ArrivalLine: Codable {
        var a: String
        /// The agency (version 2).
        var g: String?
        /// The drop folder (version 1).
        var d: String?
        var q: Int
        var s: String
    }

    /// What a checkpoint holds.
    public struct Contents: Sendable {
        public var header: Header
        public var records: [ReportKey: VerdictRecord]
        public var arrivals: ArrivalBook
    }

    /// The checkpoint beside `journal`.
    public static func path(journal: String) -> String { journal + ".checkpoint" }

    /// Writes the checkpoint atomically and durably (blocking).
    public static func write(
        path: String, journal: FilePosition, nextSeq: Int, lastTime: String?,
        records: [ReportKey: VerdictRecord], arrivals: ArrivalBook
    ) throws {
        let temporary = path + ".tmp"
        let fd = try FileDescriptor.open(
            FilePath(temporary), .writeOnly, options: [.create, .truncate, .closeOnExec], permissions: [.ownerReadWrite, .groupRead])
        do {
            var out = ChunkedWriter(fd: fd)
            let header = Header(
                journal: journal, nextSeq: nextSeq, records: records.count, arrivals: arrivals.count, lastTime: lastTime)
            try out.line(try JSONLine.bytes(header))
            for (key, record) in records.sorted(by: { $0.key < $1.key }) {
                var entry = record.withoutTables
                entry.drop = key.drop
                entry.relativePath = key.relativePath.string
                try out.line(JSONLine.bytes(entry))
            }
            try arrivals.forEachMark { key, mark in
                try out.line(try JSONLine.bytes(ArrivalLine(a: mark.time, g: key.agency, q: mark.seq, s: key.sha256)))
            }
            try out.flush()
            while fsync(fd.rawValue) != 0 {
                if errno == EINTR { continue }
                throw Errno(rawValue: errno)
            }
            try fd.close()
        } catch {
            try? fd.close()
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let failure = Errno(rawValue: errno)
            unlink(temporary)
            throw failure
        }
        Directories.syncParent(of: path)
    }

    /// Reads the checkpoint at `path`, streaming; nil when there is none. Throws
    /// ``CheckpointUnreadable`` when it is damaged (start-up then replays the whole
    /// journal) and ``StartupStopped`` when `shouldStop` says so.
    public static func read(path: String, shouldStop: () -> Bool = { false }) throws -> Contents? {
        guard let reader = try LineReader(path: path) else { return nil }
        let decoder = JSONDecoder()
        guard let header = try reader.next({ try? decoder.decode(Header.self, from: Data(buffer: $0)) }) ?? nil,
              (1...version).contains(header.checkpoint) else { throw CheckpointUnreadable(path: path, reason: "no header") }
        var records: [ReportKey: VerdictRecord] = [:]
        records.reserveCapacity(header.records)
        for index in 0..<header.records {
            if index & 1023 == 0, shouldStop() { throw StartupStopped() }
            guard let decoded = try reader.next({ try? decoder.decode(VerdictRecord.self, from: Data(buffer: $0)) }),
                  let record = decoded, let drop = record.drop, let relative = record.relativePath else {
                throw CheckpointUnreadable(path: path, reason: "record \(index + 1) of \(header.records)")
            }
            records[ReportKey(drop: drop, relativePath: relative)] = record
        }
        var arrivals = ArrivalBook()
        for index in 0..<header.arrivals {
            if index & 1023 == 0, shouldStop() { throw StartupStopped() }
            guard let decoded = try reader.next({ try? decoder.decode(ArrivalLine.self, from: Data(buffer: $0)) }),
                  let line = decoded else {
                throw CheckpointUnreadable(path: path, reason: "arrival \(index + 1) of \(header.arrivals)")
            }
            arrivals.restore(.init(sha256: line.s, agency: line.g ?? ""), .init(time: line.a, seq: line.q))
        }
        for record in records.values { arrivals.learn(record) }
        return Contents(header: header, records: records, arrivals: arrivals)
    }
}

/// Writes lines through a 1 MiB buffer.
private struct ChunkedWriter {
    let fd: FileDescriptor
    var buffer: [UInt8] = []

    init(fd: FileDescriptor) {
        self.fd = fd
        buffer.reserveCapacity(1 << 20)
    }

    mutating func line(_ bytes: [UInt8]) throws {
        buffer += bytes
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func flush() throws {
        _ = try fd.writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The checkpoint exists but cannot be read; the whole journal is replayed instead.
public struct CheckpointUnreadable: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "checkpoint \(path) is unreadable (\(reason)); replaying the whole journal" }
}

/// SIGTERM arrived during start-up: it ends without READY=1.
public struct StartupStopped: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "stopped during start-up" }
}
