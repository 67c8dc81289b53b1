import Foundation

/// A real FUSE mount for tests: `bindfs` of a backing folder, run in the foreground as a
/// child process (so a test can stop it with SIGSTOP to hang the mount). Files written
/// into ``backing`` appear at ``mountPoint`` without any inotify event there: what a file
/// written onto a network share by another machine looks like to this host.
public final class FuseMount {
    public let backing: String
    public let mountPoint: String
    private let process: Process

    /// Whether bindfs and /dev/fuse are there. Under `CI=true` a test must not skip: it
    /// fails instead (see ``requireOrSkip()``).
    public static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/bindfs") && FileManager.default.fileExists(atPath: "/dev/fuse")
    }

    /// nil (the test returns early) when FUSE is missing outside CI; throws under `CI=true`.
    public static func requireOrSkip() throws -> Bool {
        if isAvailable { return true }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            throw FuseMountError(text: "CI must install bindfs and fuse3 (scripts/deps.sh --test)")
        }
        print("skipped: bindfs or /dev/fuse missing")
        return false
    }

    /// Mounts `backing` (created if missing) on `mountPoint` (created if missing) and waits
    /// until the mount is in /proc/self/mountinfo.
    public init(backing: String, mountPoint: String) throws {
        for path in [backing, mountPoint] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        self.backing = backing
        self.mountPoint = mountPoint
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/bindfs")
        process.arguments = ["-f", backing, mountPoint]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let mounted = Wait.until(timeout: 20) { Self.isMounted(mountPoint) }
        if !mounted {
            process.terminate()
            throw FuseMountError(text: "bindfs did not mount \(mountPoint)")
        }
    }

    deinit { unmount() }

    /// The bindfs process id.
    public var pid: Int32 { process.processIdentifier }

    /// SIGSTOP: every access to the mount hangs until ``resume()``.
    public func hang() { kill(pid, SIGSTOP) }

    /// SIGCONT after ``hang()``.
    public func resume() { kill(pid, SIGCONT) }

    /// Resumes and unmounts (lazily, so a test's own open descriptors do not stop it).
    public func unmount() {
        guard process.isRunning else { return }
        resume()
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/usr/bin/fusermount3")
        umount.arguments = ["-u", "-z", mountPoint]
        umount.standardError = FileHandle.nullDevice
        if (try? umount.run()) != nil { umount.waitUntilExit() }
        process.terminate()
        process.waitUntilExit()
    }

    static func isMounted(_ path: String) -> Bool {
        guard let text = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains { $0.split(separator: " ").dropFirst(4).first.map(String.init) == path }
    }
}

public struct FuseMountError: Error, CustomStringConvertible {
    public var text: String
    public var description: String { text }
}
