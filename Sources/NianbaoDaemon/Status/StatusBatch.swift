import NianbaoPlatform

/// A batch of status-file changes and how it is written: changes that arrive
/// while a batch is being written share the next batch (one file-system sync
/// instead of two fsyncs per report); ``StatusSchedule`` decides when.
///
/// The verdict journal is the durable record; after a crash the status
/// directory is reconciled from it at start, so a status file may lag the
/// journal by one batch but is never torn.
///
/// A pending write holds its verdict's journal line (compact bytes, encoded once
/// when the verdict was committed), not the record: a batch waiting behind a slow
/// one costs a few kilobytes per report. Each file's pretty-printed bytes are made
/// only while the batch writes it.
struct StatusBatch: Sendable {
    enum Change: Sendable, Equatable {
        /// Write the status file: the verdict's journal line (`JSONLine.bytes(record)`), pretty-printed.
        case write(line: [UInt8])
        case remove
    }

    /// The changes of a batch that failed, and the first error.
    struct Failures: Sendable, Equatable {
        var changes: [ReportKey: Change] = [:]
        var summaryFailed = false
        var firstError: String?
        var isEmpty: Bool { changes.isEmpty && !summaryFailed }
    }

    /// `line` in a buffer of its own size: a line is written into a 16 KiB buffer
    /// and is often a third of that, and lines wait here by the thousand in a burst.
    static func compact(_ line: [UInt8]) -> [UInt8] {
        guard line.capacity > line.count + line.count / 8 else { return line }
        return [UInt8](unsafeUninitializedCapacity: line.count) { buffer, count in
            count = line.withUnsafeBufferPointer { buffer.initialize(fromContentsOf: $0) }
        }
    }

    /// Writes a batch (blocking: call on a Dispatch thread).
    static func write(_ changes: [ReportKey: Change], summary: Summary?, to directory: StatusDirectory) -> Failures {
        var failures = Failures()
        let batch = directory.tree.batch(tagged: ReportKey.self)
        for (key, change) in changes.sorted(by: { $0.key < $1.key }) {
            switch change {
            case .write(let line):
                guard let path = directory.statusComponents(for: key) else { continue }
                batch.add(PrettyJSON.format(line), at: path, tag: key)
            case .remove:
                do { try directory.remove(key) } catch {
                    failures.changes[key] = .remove
                    failures.firstError = failures.firstError ?? "status removal failed for \(key): \(error)"
                }
            }
        }
        for (key, error) in batch.commit() {
            failures.changes[key] = changes[key]
            failures.firstError = failures.firstError ?? "status write failed for \(directory.statusPath(for: key) ?? key.description): \(error)"
        }
        if let summary {
            do { try directory.writeSummary(summary) } catch {
                failures.summaryFailed = true
                failures.firstError = failures.firstError ?? "summary write failed: \(error)"
            }
        }
        return failures
    }
}
