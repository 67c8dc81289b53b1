import Foundation
import NianbaoPlatform
import NianbaoViews
import Synchronization

/// The receipts directory: `<name>.结果.txt` and `<name>.结果.json` beside a
/// mirror of each report's path, for the uploader. Blocking.
///
/// The mirror is `<directory>/<drop>/<path in the drop>` (`ReceiptPath.relative`), as
/// in the status directory, so two drop folders never share a receipt. Files go through
/// a ``SafeTreeWriter``: each is replaced atomically and is on stable storage when
/// ``write(_:key:)`` returns; folders are created with mode 0750 and files 0640 and,
/// in a setgid receipts directory (tmpfiles: 2750 nianbao:nianbao-drop), folders
/// inherit its group and setgid bit, so the uploaders can read them; no symbolic link
/// below `directory` is ever followed.
public struct ReceiptWriter: Sendable {
    /// The receipts directory (absolute); it is created (0750) if missing.
    public var directory: String
    /// Serialises the writer's file operations (the loop may run several at once).
    private let lock = ReceiptLock()

    public init(directory: String) {
        self.directory = directory
    }

    /// Writes (replaces) the receipts of a judged report.
    public func write(_ record: VerdictRecord, key: ReportKey) throws {
        let (folders, pair) = try place(key)
        let receipt = Self.receipt(record, key: key)
        try lock.run {
            try tree.write(Array(ReceiptText.render(receipt).utf8), to: folders + [pair.text])
            try tree.write(Array(ReceiptJSON.render(receipt).utf8), to: folders + [pair.json])
        }
    }

    /// Removes the receipts of a removed report and the directories left empty.
    public func remove(_ key: ReportKey) throws {
        let (folders, pair) = try place(key)
        try lock.run { _ = try tree.remove([pair.text, pair.json], in: folders) }
    }

    /// The receipt files of a report relative to `directory` (`<drop>/…/<name>.结果.txt`
    /// and its twin), or nil for a path that could leave it.
    public static func relativePaths(for key: ReportKey, directory: String = "") -> (text: String, json: String)? {
        let prefix = directory.utf8.count + key.drop.utf8.count + 2
        guard DropFolder.isValidName(key.drop),
              let pair = ReceiptPath.relative(for: key.relativePath.string, prefixBytes: prefix) else { return nil }
        return (key.drop + "/" + pair.text, key.drop + "/" + pair.json)
    }

    /// The receipt the clerk reads for a record.
    public static func receipt(_ record: VerdictRecord, key: ReportKey) -> Receipt {
        let outcome: Receipt.Outcome
        if record.isRefused {
            outcome = .unreadable
        } else {
            switch record.verdict {
            case .pass: outcome = .pass
            case .warn: outcome = .warn
            case .fail: outcome = .fail
            }
        }
        return Receipt(
            file: record.relativePath ?? key.relativePath.string, sha256: record.sha256,
            checkedAt: DashboardMapping.checked(record) ?? Date(), outcome: outcome, agency: record.agency, year: record.year,
            findings: DashboardMapping.findings(record))
    }

    /// The writer of the receipts tree: folders 0750, files 0640.
    private var tree: SafeTreeWriter { SafeTreeWriter(root: directory) }

    /// The folders below `directory` and the two file names.
    private func place(_ key: ReportKey) throws -> (folders: [String], names: (text: String, json: String)) {
        guard let paths = Self.relativePaths(for: key, directory: directory) else { throw ReceiptError.unsafePath(key.description) }
        var folders = paths.text.split(separator: "/").map(String.init)
        let text = folders.removeLast()
        let json = String(paths.json.split(separator: "/").last ?? "")
        return (folders, (text, json))
    }
}

/// A report path the receipts directory cannot mirror safely.
public enum ReceiptError: Error, CustomStringConvertible {
    /// The report's key (drop and path) would leave the receipts directory.
    case unsafePath(String)

    /// One line of English.
    public var description: String {
        switch self {
        case .unsafePath(let path): return "unsafe report path for a receipt: \(path)"
        }
    }
}

/// A lock around blocking file work.
final class ReceiptLock: Sendable {
    private let mutex = Mutex(())

    func run<T>(_ body: () throws -> T) throws -> T {
        try mutex.withLock { _ in try body() }
    }
}
