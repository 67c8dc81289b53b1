import Foundation
import NianbaoTestSupport

/// Paths of the repository the tests were compiled from.
enum Repository {
    /// The package root (three levels above this file's folder).
    static var root: URL { Fixtures.repository }

    /// `path` relative to the package root.
    static func file(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// The folder holding the running test binary (the build products).
    static var productsFolder: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    }
}

/// Whether an executable exists at `path`.
func isExecutable(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }
