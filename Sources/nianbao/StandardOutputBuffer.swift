#if canImport(Glibc)
import Glibc
#endif

/// Collects standard output and writes it in large chunks: one `write` per 64 KiB
/// instead of one per report. On a terminal each line goes out at once, as `print` does.
struct StandardOutputBuffer {
    private var pending: [UInt8] = []
    private let flushEachLine: Bool
    private let chunk = 64 << 10

    /// A buffer for standard output; line by line when it is a terminal.
    init(flushEachLine: Bool = isatty(STDOUT_FILENO) == 1) {
        self.flushEachLine = flushEachLine
        pending.reserveCapacity(chunk + (16 << 10))
    }

    /// Adds bytes (whole lines, each ending in a newline).
    mutating func append(_ bytes: [UInt8]) {
        pending.append(contentsOf: bytes)
        if flushEachLine || pending.count >= chunk { flush() }
    }

    /// Writes everything pending.
    mutating func flush() {
        guard !pending.isEmpty else { return }
        FileHandleOutput.standardOutput(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
