/// Why bytes could not be turned into text.
public struct DecodingFailure: Error, Sendable, Hashable {
    /// The kind of failure.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The input has no bytes.
        case empty
        /// The input looks like binary data (NUL bytes, many control characters).
        case binary
        /// A UTF-16 byte-order mark is followed by bytes that are not valid UTF-16.
        case invalidUTF16
        /// The bytes are neither UTF-8 nor (when a legacy decoder is available) GB18030.
        case unknownEncoding
    }

    public var reason: Reason
    /// Chinese explanation for findings, e.g. "文件为空".
    public var message: String

    public init(_ reason: Reason, message: String) {
        self.reason = reason
        self.message = message
    }

    /// The `.inputUnreadable` finding that reports this failure.
    public var finding: Finding { Finding(.inputUnreadable, message) }

    /// An assessment for input that could not be decoded: an empty report and the failure's finding.
    public var assessment: Assessment {
        let finding = self.finding
        return Assessment(report: Report(parseFindings: [finding]), findings: [finding])
    }
}
