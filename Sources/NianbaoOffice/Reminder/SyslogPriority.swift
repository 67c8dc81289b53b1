/// The syslog priorities a reminder uses (PRIORITY= of the journal entry).
public enum SyslogPriority: Int, Sendable, Hashable, Codable, Comparable {
    /// 3: a deadline has passed with reports still missing.
    case err = 3
    /// 4: three days or fewer remain for a missing report.
    case warning = 4
    /// 6: otherwise.
    case info = 6

    /// More urgent first: err < warning < info, as syslog numbers them.
    public static func < (lhs: SyslogPriority, rhs: SyslogPriority) -> Bool { lhs.rawValue < rhs.rawValue }
}
