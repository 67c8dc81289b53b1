import Foundation
import Synchronization

/// Reads a child's standard output on its own thread and records, for each
/// report number seen in a line ("zzq123"), when its verdict line arrived.
final class LineCollector: Sendable {
    private let seen = Mutex<[Int: ContinuousClock.Instant]>([:])
    private let lines = Mutex<[String]>([])
    let pipe = Pipe()

    init() {
        let handle = pipe.fileHandleForReading
        let thread = Thread { [self] in
            var buffer: [UInt8] = []
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                buffer.append(contentsOf: data)
                while let newline = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[..<newline], as: UTF8.self)
                    buffer.removeSubrange(...newline)
                    self.record(line)
                }
            }
        }
        thread.start()
    }

    private func record(_ line: String) {
        let now = ContinuousClock.now
        if line.contains("started") || line.contains("overflow") {
            lines.withLock { $0.append(line) }
        }
        guard line.hasPrefix("PASS") || line.hasPrefix("WARN") || line.hasPrefix("FAIL") || line.hasPrefix("{") else { return }
        var rest = Substring(line)
        while let range = rest.range(of: "zzq") {
            let digits = rest[range.upperBound...].prefix { $0.isNumber }
            if let n = Int(digits) {
                seen.withLock { if $0[n] == nil { $0[n] = now } }
                return
            }
            rest = rest[range.upperBound...]
        }
    }

    func time(of n: Int) -> ContinuousClock.Instant? { seen.withLock { $0[n] } }
    var count: Int { seen.withLock { $0.count } }
    func sawLine(containing text: String) -> Bool { lines.withLock { $0.contains { $0.contains(text) } } }
}
