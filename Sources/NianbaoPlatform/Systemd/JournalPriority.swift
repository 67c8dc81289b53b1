import Logging

/// syslog priorities as the journal's `PRIORITY` field carries them (0–7).
public enum JournalPriority: Int, Sendable, CaseIterable {
    /// 0: the system is unusable.
    case emergency = 0
    /// 1: action must be taken immediately.
    case alert
    /// 2: critical conditions.
    case critical
    /// 3: error conditions.
    case error
    /// 4: warning conditions.
    case warning
    /// 5: normal but significant.
    case notice
    /// 6: informational.
    case info
    /// 7: debug-level messages.
    case debug

    /// Maps a swift-log level to a syslog priority.
    ///
    /// `trace` and `debug` → 7, `info` → 6, `notice` → 5, `warning` → 4,
    /// `error` → 3, `critical` → 2. (swift-log has no alert or emergency.)
    public init(_ level: Logger.Level) {
        switch level {
        case .trace, .debug: self = .debug
        case .info: self = .info
        case .notice: self = .notice
        case .warning: self = .warning
        case .error: self = .error
        case .critical: self = .critical
        }
    }
}
