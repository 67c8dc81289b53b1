#if canImport(Glibc)
import Glibc
#endif

/// The child's side of `ServeProtocol`: reads requests from standard input,
/// answers each on standard output, until its input ends.
public enum ServeLoop {
    /// Serves requests with `handle` until standard input ends.
    ///
    /// A request longer than `maxPayload` is read in full (the stream stays in step)
    /// but handed over cut to `maxPayload` bytes. Before each request is accepted,
    /// the CPU soft limit is moved to `cpuSecondsPerRequest` past the CPU time used
    /// so far (within the hard limit the parent set), so every request has its own
    /// CPU budget and overruns it with SIGXCPU.
    /// - Returns: the exit status: 0 when the input ended between requests, 3 when
    ///   it ended mid-request or the output broke, 4 when the CPU budget could not be
    ///   given (the request was not accepted).
    public static func run(maxPayload: Int, cpuSecondsPerRequest: Int?, _ handle: ([UInt8]) -> [UInt8]) -> Int32 {
        while true {
            var header = [UInt8](repeating: 0, count: 4)
            let got = readFully(&header, 0..<4)
            if got == 0 { return 0 }
            guard got == 4 else { return 3 }
            let length = ServeProtocol.length(header)
            var payload = [UInt8](repeating: 0, count: min(length, maxPayload))
            guard readFully(&payload, 0..<payload.count) == payload.count, discard(length - payload.count) else { return 3 }
            // A child that cannot give this request its whole budget (its limits cannot be
            // changed here) ends instead of accepting it: the parent starts a fresh one.
            if let seconds = cpuSecondsPerRequest, !renewCPUBudget(seconds) { return 4 }
            guard writeFully([ServeProtocol.acceptance]) else { return 3 }
            let reply = handle(payload)
            guard writeFully(ServeProtocol.lengthPrefix(reply.count) + reply) else { return 3 }
        }
    }

    /// Sets RLIMIT_CPU's soft limit to the CPU seconds used so far (rounded up) plus
    /// `seconds`, at most the hard limit. False if the limit left is less than
    /// `seconds` (less one for the rounding) because it could not be moved.
    @discardableResult
    public static func renewCPUBudget(_ seconds: Int) -> Bool {
        var usage = rusage()
        var limit = rlimit()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0,
              getrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &limit) == 0 else { return false }
        let used = Int(usage.ru_utime.tv_sec) + Int(usage.ru_stime.tv_sec) + 1
        let wanted = rlim_t(used + seconds)
        var renewed = limit
        renewed.rlim_cur = limit.rlim_max == rlim_t.max ? wanted : min(wanted, limit.rlim_max)
        if setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &renewed) == 0 { limit = renewed }
        return limit.rlim_cur == rlim_t.max || limit.rlim_cur + 1 >= wanted
    }

    /// Reads into `buffer[range]` until it is full or input ends; the count read.
    private static func readFully(_ buffer: inout [UInt8], _ range: Range<Int>) -> Int {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let n = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress! + offset, range.upperBound - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            offset += n
        }
        return offset - range.lowerBound
    }

    /// Reads and drops `count` bytes; false if input ends first.
    private static func discard(_ count: Int) -> Bool {
        var left = count
        var scratch = [UInt8](repeating: 0, count: min(count, 1 << 16))
        while left > 0 {
            let chunk = min(left, scratch.count)
            guard readFully(&scratch, 0..<chunk) == chunk else { return false }
            left -= chunk
        }
        return true
    }

    private static func writeFully(_ bytes: [UInt8]) -> Bool {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            written += n
        }
        return true
    }
}
