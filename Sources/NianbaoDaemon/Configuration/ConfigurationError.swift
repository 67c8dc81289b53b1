/// A configuration problem, naming the key at fault.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var key: String
    public var reason: String

    public init(key: String, reason: String) {
        self.key = key
        self.reason = reason
    }

    public var description: String { "configuration key '\(key)': \(reason)" }
}
