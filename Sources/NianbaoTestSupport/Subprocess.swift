import Foundation

/// The outcome of a finished child process.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: Data
    public let stderr: String
    /// Standard output as UTF-8 text.
    public var output: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs a child process to its end, both pipes drained.
public enum Subprocess {
    /// Runs `arguments` (the first one an absolute path or a name on `PATH`) and waits.
    /// `environment` is merged over this process's; `removing` names variables to drop.
    public static func run(_ arguments: [String], environment: [String: String] = [:], removing: [String] = []) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if !environment.isEmpty || !removing.isEmpty {
            var env = ProcessInfo.processInfo.environment
            for name in removing { env.removeValue(forKey: name) }
            env.merge(environment) { _, new in new }
            process.environment = env
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently so neither can fill up and block the child.
        nonisolated(unsafe) var errData = Data()
        let readerDone = DispatchSemaphore(value: 0)
        Thread {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            readerDone.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        readerDone.wait()
        return ProcessResult(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }
}
