import Foundation

/// The one loader of files under `Tests/Fixtures` (and of the repository's own
/// files), found relative to this source file, for every test target.
public enum Fixtures {
    /// The repository's root directory.
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures`.
    public static let root: URL = repository.appendingPathComponent("Tests/Fixtures")

    /// `Tests/Fixtures` as a path.
    public static var directory: String { root.path }

    /// A file of the repository, by its path from the root (e.g. "systemd/nianbao.service").
    public static func repositoryFile(_ path: String) -> URL { repository.appendingPathComponent(path) }

    /// The bytes of `Tests/Fixtures/<relativePath>`.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    /// The text of a UTF-8 fixture.
    public static func text(_ relativePath: String) throws -> String {
        String(decoding: try bytes(relativePath), as: UTF8.self)
    }

    /// A text sample under `Tests/Fixtures/samples` (empty if missing).
    public static func sample(_ name: String) -> [UInt8] {
        (try? bytes("samples/" + name)) ?? []
    }

    /// The names of the text samples.
    public static var sampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/samples")) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
    }
}
