import Foundation
import NianbaoPlatform
import NianbaoViews

/// At start, the receipts directory made to agree with the current reports.
///
/// A receipt (`….结果.txt`, `….结果.json`) where no current report has one is
/// removed, with the folders it leaves empty: receipts an older layout put elsewhere
/// (before ``MirrorLayout``, a folder kept its name even when it ended in a receipt
/// suffix or `~`, and a path too deep had no `deep~/`), and receipts of reports
/// removed while the daemon was stopped. The current reports whose receipts are
/// missing or differ from their verdict (the directory deleted while stopped,
/// receipts switched on, a crash between a verdict and its receipt) are returned,
/// to be written by the running daemon in its own order. Other files are left alone.
///
/// Blocking: call it on a Dispatch thread.
enum ReceiptRebuild {
    static let suffixes = [ReceiptPath.textSuffix, ReceiptPath.jsonSuffix]

    /// Removes misplaced receipts; returns the reports whose receipts are to be written,
    /// and the first failed removal.
    static func run(_ writer: ReceiptWriter, current: [ReportKey: VerdictRecord]) -> (write: Set<ReportKey>, error: String?) {
        var expected: [String: ReportKey] = [:]
        for key in current.keys {
            guard let pair = ReceiptWriter.relativePaths(for: key, directory: writer.directory) else { continue }
            expected[pair.text] = key
            expected[pair.json] = key
        }
        var firstError: String?
        var present: Set<String> = []
        let tree = SafeTreeWriter(root: writer.directory)
        if let enumerator = FileManager.default.enumerator(atPath: writer.directory) {
            while let relative = enumerator.nextObject() as? String {
                guard suffixes.contains(where: { relative.hasSuffix($0) }) else { continue }
                if expected[relative] != nil {
                    present.insert(relative)
                    continue
                }
                var folders = relative.split(separator: "/").map(String.init)
                guard let name = folders.popLast(), !folders.isEmpty, isFile(writer.directory + "/" + relative) else { continue }
                do { try tree.remove([name], in: folders, keeping: 1) } catch {
                    firstError = firstError ?? "receipt removal failed for \(writer.directory)/\(relative): \(error)"
                }
            }
        }
        var write: Set<ReportKey> = []
        for (key, record) in current {
            guard let pair = ReceiptWriter.relativePaths(for: key, directory: writer.directory) else { continue }
            let json = Array(ReceiptJSON.render(ReceiptWriter.receipt(record, key: key)).utf8)
            if !present.contains(pair.text) || !present.contains(pair.json) || read(tree, pair.json) != json {
                write.insert(key)
            }
        }
        return (write, firstError)
    }

    private static func isFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// A receipt's bytes (nil when it cannot be read), without following links.
    private static func read(_ tree: SafeTreeWriter, _ relative: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        let path = relative.split(separator: "/").map(String.init)
        guard tree.read(path, { bytes += $0; return bytes.count <= 1 << 20 }) else { return nil }
        return bytes
    }
}
