import ArgumentParser
import NianbaoPlatform
#if canImport(Glibc)
import Glibc
#endif

/// `nianbao sandbox-probe`: installs the reader child's seccomp filter in this
/// process and tries what it forbids and what it allows, one line each, so an
/// operator (and the tests) can see that the filter works on this kernel.
struct SandboxProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox-probe",
        abstract: "Show that the PDF reader child's seccomp filter works here (denied / allowed per operation).",
        shouldDisplay: false
    )

    @Argument(help: "A scratch file path the probe tries to create (it must not be allowed to).")
    var scratch: String = "/tmp/nianbao-sandbox-probe"

    func run() throws {
        guard ChildSandbox.lockDown() else {
            print("filter: not installed")
            throw ExitCode(1)
        }
        print("filter: installed")
        func report(_ name: String, _ result: Int32) {
            print("\(name): \(result >= 0 ? "allowed" : (errno == EPERM ? "denied" : "failed errno \(errno)"))")
        }
        report("read /proc/self/status", open("/proc/self/status", O_RDONLY))
        report("create a file", open(scratch, O_WRONLY | O_CREAT, 0o600))
        report("socket", socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0))
        report("signal the parent", kill(getppid(), 0))
        report("unlink", unlink(scratch))
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        report("execve", execv("/bin/true", argv))
        var child: pid_t = 0
        report("spawn a process", posix_spawn(&child, "/bin/true", nil, nil, argv, nil) == 0 ? 0 : -1)
    }
}
