/// The byte protocol between a `ServingChild` and the `ServeLoop` running in it,
/// over the child's standard input and output (one socket):
///
/// - request: a little-endian UInt32 payload length, then the payload;
/// - the child answers `acceptance` (one byte) once it has read the whole request
///   and before it interprets any of it, so a child that dies before that byte was
///   idle or reading, and the request is not to blame;
/// - reply: a little-endian UInt32 length, then the reply.
///
/// The child exits when its input ends.
public enum ServeProtocol {
    /// The byte a child sends when it has taken a request in full.
    public static let acceptance = UInt8(ascii: "A")

    /// Largest payload either side sends (a length above it is a protocol error).
    public static let maxFrame = Int(UInt32.max)

    /// `value` as 4 little-endian bytes.
    public static func lengthPrefix(_ value: Int) -> [UInt8] {
        let length = UInt32(value)
        return [UInt8(length & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 24)]
    }

    /// The length in 4 little-endian bytes.
    public static func length(_ bytes: [UInt8]) -> Int {
        Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16 | Int(bytes[3]) << 24
    }
}
