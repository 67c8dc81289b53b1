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

/// The outcome of a finished child process.
struct ProcessResult {
    let status: Int32
    let stdout: Data
    let stderr: String
    var output: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs `arguments` (the first one an absolute path or a name on `PATH`) and waits.
func run(_ arguments: [String]) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes concurrently so neither can fill up and block the child.
    nonisolated(unsafe) var errData = Data()
    let readerDone = DispatchSemaphore(value: 0)
    let reader = Thread {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        readerDone.signal()
    }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    readerDone.wait()
    return ProcessResult(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
}

/// Whether an executable exists at `path`.
func isExecutable(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }
