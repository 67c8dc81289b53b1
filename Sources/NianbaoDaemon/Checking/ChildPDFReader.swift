import NianbaoEngine
import NianbaoFormats
import NianbaoPlatform
#if canImport(Glibc)
import Glibc
#endif

/// Reads PDFs in a child process: `nianbao extract-child pdf`, started through
/// `prlimit` (CPU seconds, address space, file size 0) in a session of its own,
/// with a wall-clock timeout after which its process group is killed. The
/// daemon passes the bytes it already read (through its O_NOFOLLOW walk) as the
/// child's standard input and reads the lines back from a pipe. A crash or a
/// hang in poppler costs that one report a fail verdict, nothing more.
public struct ChildPDFReader: IsolatedReader {
    /// The nianbao executable to run as the child.
    public let executable: String
    public let limits: BoundedProcess.Limits

    /// - Parameter executable: nil runs this very program, as `/proc/PID/exe` (which
    ///   still works after the binary on disk is replaced by an upgrade).
    public init(executable: String? = nil, limits: BoundedProcess.Limits = ChildPDFReader.defaultLimits) {
        self.executable = executable ?? "/proc/\(getpid())/exe"
        self.limits = limits
    }

    /// Default budget: 10 s (CPU and wall clock), 512 MiB of address space, no files written.
    public static let defaultLimits = BoundedProcess.Limits(
        cpuSeconds: 10, addressSpaceBytes: 512 << 20, fileSizeBytes: 0, timeout: .seconds(10))

    /// Most output accepted from the child (the extractor's own line limit keeps real output far below).
    static let maxOutput = 256 << 20

    public func read(_ bytes: [UInt8], format: DocumentFormat) -> IsolatedReading {
        let process = BoundedProcess(limits: limits)
        let (outcome, output) = process.runCapturing(
            executable, ["extract-child", format.rawValue],
            // No Swift backtracer in the child: a crash ends it at once, as the signal says.
            environment: ["LANG=C.UTF-8", "PATH=/usr/bin:/bin", "SWIFT_BACKTRACE=enable=no"],
            input: bytes, maxOutput: Self.maxOutput)
        if let finding = ChildOutcomeFinding.finding(outcome, format: format, action: "读取", limits: limits) {
            return .refused(finding)
        }
        guard outcome == .exited(0), let reading = IsolatedReadingCodec.decode(output) else {
            return .refused(Finding(.parserCrashed, "\(format.displayName)读取程序异常退出（\(outcome)），未返回完整结果；文件可能已损坏"))
        }
        return reading
    }
}
