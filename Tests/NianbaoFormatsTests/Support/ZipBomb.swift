import NianbaoTestSupport
/// Builds a zip bomb by hand: a fixed-Huffman deflate stream of back-references
/// (258 bytes per 13 bits), so a few MB inflate to hundreds of MB without compressing them in the test.
enum ZipBomb {
    private struct BitWriter {
        var bytes: [UInt8] = []
        var bit = 0

        mutating func write(_ value: Int, count: Int, msbFirst: Bool) {
            for index in 0..<count {
                let shift = msbFirst ? count - 1 - index : index
                if bit == 0 { bytes.append(0) }
                if (value >> shift) & 1 == 1 { bytes[bytes.count - 1] |= UInt8(1 << bit) }
                bit = (bit + 1) % 8
            }
        }
    }

    /// A deflate stream for `head` followed by at least `size` spaces.
    static func deflate(head: [UInt8], size: Int) -> (data: [UInt8], inflated: Int) {
        var writer = BitWriter()
        writer.write(1, count: 1, msbFirst: false)
        writer.write(1, count: 2, msbFirst: false)
        for byte in head + [0x20] {
            precondition(byte < 144)
            writer.write(0x30 + Int(byte), count: 8, msbFirst: true)
        }
        let matches = size / 258 + 1
        for _ in 0..<matches {
            writer.write(0b1100_0101, count: 8, msbFirst: true)
            writer.write(0, count: 5, msbFirst: true)
        }
        writer.write(0, count: 7, msbFirst: true)
        return (writer.bytes, head.count + 1 + matches * 258)
    }

    /// A zip with one deflated entry; `declaredSize` may lie about the inflated size.
    static func zip(name: String, deflated: [UInt8], declaredSize: Int) -> [UInt8] {
        func le(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let nameBytes = Array(name.utf8)
        let common = le(20, 2) + le(0, 2) + le(8, 2) + le(0, 2) + le(0x21, 2) + le(0, 4)
            + le(deflated.count, 4) + le(declaredSize, 4) + le(nameBytes.count, 2) + le(0, 2)
        let local = le(0x0403_4B50, 4) + common + nameBytes + deflated
        let central = le(0x0201_4B50, 4) + le(20, 2) + common + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4) + nameBytes
        let end = le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(1, 2) + le(1, 2) + le(central.count, 4) + le(local.count, 4) + le(0, 2)
        return local + central + end
    }
}
