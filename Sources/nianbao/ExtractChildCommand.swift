import ArgumentParser
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
struct ExtractChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract-child",
        abstract: "Extract a document read from standard input (internal: run by the daemon).",
        shouldDisplay: false
    )

    @Argument(help: "The document's format (pdf).")
    var format: String

    func run() throws {
        guard let documentFormat = DocumentFormat(rawValue: format), documentFormat.isIsolated else {
            throw ValidationError("unsupported format \(format)")
        }
        let limits = ExtractionLimits.default
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
}
