extension VerdictRecord.FindingRecord {
    /// The office's acceptance of a finding: why, and when it was recorded.
    /// JSON `{"reason": …, "time": …}` under the finding's key `settled`.
    public struct Settlement: Sendable, Hashable, Codable {
        /// The reviewer's reason, as given to `nianbao review --reason`.
        public var reason: String
        /// When the mark was recorded (ISO 8601).
        public var time: String

        public init(reason: String, time: String) {
            self.reason = reason
            self.time = time
        }
    }

    /// Whether the finding counts towards the verdict (it is not settled).
    public var counts: Bool { settled == nil }
}
