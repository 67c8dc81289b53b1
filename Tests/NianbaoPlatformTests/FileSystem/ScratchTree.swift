import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A temporary folder of real files for one writer test, removed afterwards.
final class ScratchTree {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.path + "/nianbao-tree-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The text of the file at `relative`, or nil.
    func text(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The names in the folder at `relative` (hidden ones included), sorted.
    func names(_ relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? path : path + "/" + relative)) ?? []).sorted()
    }

    /// lstat(2) of `relative`.
    func info(_ relative: String) -> stat? {
        var result = stat()
        return lstat(path + "/" + relative, &result) == 0 ? result : nil
    }
}
