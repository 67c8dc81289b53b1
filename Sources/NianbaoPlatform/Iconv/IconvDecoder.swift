#if canImport(Glibc)
import Glibc
#endif
import NianbaoEngine

/// GB18030 (superset of GBK and GB2312) to UTF-8 through glibc's iconv.
/// Each call opens its own converter, so the decoder is safe to share.
public struct IconvDecoder: LegacyTextDecoder {
    public init() {}

    public func decodeGB18030(_ bytes: [UInt8]) -> String? {
        Self.convert(bytes, from: "GB18030", to: "UTF-8").map { String(decoding: $0, as: UTF8.self) }
    }

    /// Converts `bytes` between two iconv encodings; nil on any invalid or incomplete sequence.
    public static func convert(_ bytes: [UInt8], from source: String, to target: String) -> [UInt8]? {
        let cd = iconv_open(target, source)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        if bytes.isEmpty { return [] }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var produced = 0
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuffer in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var inLeft = inBuffer.count
            while true {
                let result: Int = output.withUnsafeMutableBufferPointer { outBuffer in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress! + produced).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count - produced
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    produced = outBuffer.count - outLeft
                    return r == -1 ? Int(errno) : 0
                }
                if result == 0 { return inLeft == 0 }
                if result == E2BIG {
                    output.append(contentsOf: repeatElement(0, count: output.count))
                    continue
                }
                return false
            }
        }
        guard ok else { return nil }
        return Array(output[0..<produced])
    }
}
