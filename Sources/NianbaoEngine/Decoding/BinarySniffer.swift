/// Tells binary data from text before decoding.
enum BinarySniffer {
    static let controlMessage = "文件含有大量控制字符，看起来是二进制文件而不是文本"

    /// A Chinese reason if `bytes` (not UTF-16) look binary: any NUL, or more than
    /// 5 % C0 control bytes other than tab, line feed, carriage return and form feed.
    static func binaryReason(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer -> String? in
            var controls = 0
            var index = 0
            let count = buffer.count
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                // Eight bytes at a time: only words holding a NUL or a suspicious control byte
                // (0x00…0x08, 0x0E…0x1F, 0x7F) are looked at closely; line breaks and tabs are not.
                // Each test is exact as an "any byte" test.
                let lows: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                while index + 8 <= count {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let below09 = (word &- lows &* 0x09) & ~word
                    let x10 = word ^ (lows &* 0x10)
                    let in10to1F = (x10 &- lows &* 0x10) & ~x10
                    let x0E = word ^ (lows &* 0x0E)
                    let in0Eto0F = (x0E &- lows &* 0x02) & ~x0E
                    let flipped = word ^ 0x7F7F_7F7F_7F7F_7F7F
                    let del = (flipped &- lows) & ~flipped
                    if (below09 | in10to1F | in0Eto0F | del) & highs != 0 {
                        for offset in index..<(index + 8) {
                            let byte = buffer[offset]
                            if byte == 0 { return "文件含有 NUL 字节，看起来是二进制文件而不是文本" }
                            if isSuspiciousControl(UInt32(byte)) { controls += 1 }
                        }
                    }
                    index += 8
                }
            }
            while index < count {
                let byte = buffer[index]
                if byte == 0 { return "文件含有 NUL 字节，看起来是二进制文件而不是文本" }
                if isSuspiciousControl(UInt32(byte)) { controls += 1 }
                index += 1
            }
            return tooManyControls(controls, of: count) ? controlMessage : nil
        }
    }

    /// C0 controls other than tab, LF, VT, FF and CR, plus DEL.
    static func isSuspiciousControl(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return false
        case 0x00...0x1F, 0x7F: return true
        default: return false
        }
    }

    static func tooManyControls(_ controls: Int, of total: Int) -> Bool {
        total > 0 && controls * 20 > total
    }
}
