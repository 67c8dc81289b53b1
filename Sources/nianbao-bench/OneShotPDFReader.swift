import NianbaoDaemon
import NianbaoEngine
import NianbaoFormats
import NianbaoPlatform

/// The isolated reader as it was before children were reused: one
/// `nianbao extract-child pdf` per document (prlimit, exec, poppler start-up,
/// bytes on standard input). Kept in the benchmark as the baseline the reader
/// child pool is measured against.
struct OneShotPDFReader: IsolatedReader {
    let executable: String
    let limits = ChildPDFReader.defaultLimits

    func read(_ bytes: [UInt8], format: DocumentFormat) -> IsolatedReading {
        let (outcome, output) = BoundedProcess(limits: limits).runCapturing(
            executable, ["extract-child", format.rawValue],
            environment: ["LANG=C.UTF-8", "PATH=/usr/bin:/bin", "SWIFT_BACKTRACE=enable=no", "OMP_THREAD_LIMIT=1"],
            input: bytes, maxOutput: 256 << 20)
        guard outcome == .exited(0), let reading = IsolatedReadingCodec.decode(output) else {
            return .refused(Finding(.parserCrashed, "\(outcome)"))
        }
        return reading
    }
}
