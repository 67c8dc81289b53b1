import NianbaoPlatform

/// The one GB18030 encoder for fixtures (iconv, as offices' Windows tools write it).
public enum GB18030 {
    /// `text` encoded as GB18030.
    public static func encode(_ text: String) throws -> [UInt8] {
        guard let bytes = Iconv.convert(Array(text.utf8), from: "UTF-8", to: "GB18030") else {
            throw EncodingFailed()
        }
        return bytes
    }

    public struct EncodingFailed: Error {}
}
