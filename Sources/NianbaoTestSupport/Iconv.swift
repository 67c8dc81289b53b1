import Glibc
import NianbaoEngine

/// glibc iconv, for encoding test pages as GBK and decoding GB18030.
public enum Iconv {
    public static func convert(_ input: [UInt8], from source: String, to target: String) -> [UInt8]? {
        let descriptor = iconv_open(target, source)
        guard Int(bitPattern: descriptor) != -1 else { return nil }
        defer { iconv_close(descriptor) }
        var input = input
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let outputCount = output.count
        let remaining: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 ? -1 : outLeft
            }
        }
        guard remaining >= 0 else { return nil }
        return Array(output.prefix(outputCount - remaining))
    }
}

/// The GB18030 decoder the platform would supply, built on glibc iconv.
public struct IconvLegacyDecoder: LegacyTextDecoder {
    public init() {}
    public func decodeGB18030(_ bytes: [UInt8]) -> String? {
        Iconv.convert(bytes, from: "GB18030", to: "UTF-8").flatMap { String(validating: $0, as: UTF8.self) }
    }
}
