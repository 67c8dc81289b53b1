import Crypto
import NianbaoPlatform

/// SHA-256 of a report's bytes, as lowercase hex.
public enum ContentHash {
    public static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// A digest as lowercase hex.
    static func hex(_ digest: SHA256.Digest) -> String { Hex.lowercase(digest) }
}
