#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NianbaoEngine

/// GB18030 (superset of GBK and GB2312) → UTF-8 with the C library's iconv.
///
/// Each call opens its own conversion handle, so one value may be shared
/// across threads. Invalid or truncated input yields nil.
public struct IconvDecoder: LegacyTextDecoder {
    public init() {}

    public func decodeGB18030(_ bytes: [UInt8]) -> String? {
        guard let output = Self.convert(bytes, from: "GB18030", to: "UTF-8") else { return nil }
        return String(validating: output, as: UTF8.self)
    }

    /// UTF-8 text → GB18030 bytes (for tests and tools), or nil if iconv fails.
    public func encodeGB18030(_ text: String) -> [UInt8]? {
        Self.convert(Array(text.utf8), from: "UTF-8", to: "GB18030")
    }

    /// Converts with a fresh iconv handle; nil on EILSEQ, EINVAL or any other failure.
    static func convert(_ input: [UInt8], from source: String, to target: String) -> [UInt8]? {
        guard let handle = iconv_open(target, source), handle != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(handle) }
        if input.isEmpty { return [] }
        var inputCopy = input
        var output = [UInt8](repeating: 0, count: max(64, input.count * 2))
        var produced = 0
        let ok: Bool = inputCopy.withUnsafeMutableBufferPointer { inBuffer -> Bool in
            guard let inBase = inBuffer.baseAddress else { return false }
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
            var inLeft = inBuffer.count
            var flushed = false
            while !flushed {
                let flushing = inLeft == 0
                let status: Int = output.withUnsafeMutableBufferPointer { outBuffer -> Int in
                    guard let outBase = outBuffer.baseAddress else { return -1 }
                    var outLeft = outBuffer.count - produced
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase + produced).assumingMemoryBound(to: CChar.self)
                    let result = flushing
                        ? iconv(handle, nil, nil, &outPointer, &outLeft)
                        : iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                    produced = outBuffer.count - outLeft
                    return result
                }
                if status != -1 {
                    flushed = flushing
                    continue
                }
                guard errno == E2BIG else { return false }
                output.append(contentsOf: repeatElement(0, count: output.count))
            }
            return true
        }
        guard ok else { return nil }
        return Array(output[0..<produced])
    }
}
