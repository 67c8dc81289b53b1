import Logging

/// syslog priorities as the journal's `PRIORITY` field carries them (0–7).
public enum JournalPriority: Int, Sendable, CaseIterable {
    case emergency = 0, alert, critical, error, warning, notice, info, debug

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
