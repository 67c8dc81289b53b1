import ArgumentParser
import NianbaoEngine
import NianbaoFormats
import NianbaoPlatform
#if canImport(Glibc)
import Glibc
#endif

/// `nianbao extract-child FORMAT`: the isolated reader's child. Reads a document
/// from standard input, installs its seccomp filter (`ChildSandbox`), extracts
/// its lines with the third-party parser (poppler) and writes them to standard
/// output in `IsolatedReadingCodec`'s format. The daemon starts it under resource
/// limits and kills it on timeout; not for people.
///
/// With `--serve` it reads many documents in turn (`ServeProtocol`: each request
/// is the format name's length in one byte, the name, then the document's bytes;
/// each reply is an `IsolatedReadingCodec` stream), locked down before the first
/// request is read, each document with its own CPU budget (`--cpu-seconds`), and
/// exits when its input ends.
struct ExtractChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract-child",
        abstract: "Extract a document read from standard input (internal: run by the daemon).",
        shouldDisplay: false
    )

    @Argument(help: "The document's format (pdf).")
    var format: String

    @Flag(help: "Serve many documents over standard input and output until input ends.")
    var serve = false

    @Option(help: "With --serve: CPU seconds per document (the soft RLIMIT_CPU is moved on before each).")
    var cpuSeconds: Int?

    func run() throws {
        guard let documentFormat = DocumentFormat(rawValue: format), documentFormat.isIsolated else {
            throw ValidationError("unsupported format \(format)")
        }
        let limits = ExtractionLimits.default
        if serve {
            throw ExitCode(Self.serve(limits: limits, cpuSeconds: cpuSeconds))
        }
        var input: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            input.append(contentsOf: buffer[0..<n])
            guard input.count <= limits.maxInputBytes else { break }
        }
        // From here on the child parses untrusted bytes: lock it down first.
        ChildSandbox.lockDown()
        let reading = DocumentExtractor(limits: limits, legacy: nil).readInProcess(input, format: documentFormat)
        let output = IsolatedReadingCodec.encode(reading)
        var written = 0
        while written < output.count {
            let n = output.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw ExitCode(3) }
            written += n
        }
    }

    /// The `--serve` loop; returns the exit status.
    static func serve(limits: ExtractionLimits, cpuSeconds: Int?) -> Int32 {
        // Nothing untrusted has been read yet: lock down before the first request.
        ChildSandbox.lockDown()
        let extractor = DocumentExtractor(limits: limits, legacy: nil)
        // The format name (at most 255 bytes) and its length byte, then a document
        // just over the limit, which readInProcess refuses as too large.
        return ServeLoop.run(maxPayload: limits.maxInputBytes + 257, cpuSecondsPerRequest: cpuSeconds) { payload in
            guard let nameLength = payload.first.map(Int.init), payload.count > nameLength,
                  let format = DocumentFormat(rawValue: String(decoding: payload[1...nameLength], as: UTF8.self)),
                  format.isIsolated else {
                return IsolatedReadingCodec.encode(.refused(Finding(.parserCrashed, "读取请求格式错误")))
            }
            let reading = extractor.readInProcess(Array(payload[(nameLength + 1)...]), format: format)
            return IsolatedReadingCodec.encode(reading)
        }
    }
}
