import Foundation

/// Test artefacts kept after the run (screenshots, rendered files), under the
/// package's `.build/test-artefacts/` (gitignored with `.build/`).
enum Artefacts {
    static var directory: URL {
        // #filePath is Tests/NianbaoViewsTests/Support/Artefacts.swift.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent(".build/test-artefacts/views", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes an artefact and prints its path.
    @discardableResult
    static func keep(_ data: Data, as name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        print("test artefact: \(url.path)")
        return url
    }
}
