import Glibc
import Logging

/// Chooses where the process logs and bootstraps swift-log accordingly.
public enum LoggingSetup {
    /// Where log entries go.
    public enum Destination: String, Sendable {
        /// Structured entries through ``JournalLogHandler``.
        case journal
        /// Plain lines on standard error.
        case stderr
    }

    /// The destination for this process.
    ///
    /// `NIANBAO_LOG=journal|stderr` overrides the choice. Otherwise the journal
    /// is chosen when `JOURNAL_STREAM` says standard error already goes to the
    /// journal (running as a service), or when journald's socket is reachable
    /// and standard error is not a terminal. An operator at a terminal keeps
    /// seeing plain lines.
    public static func preferredDestination() -> Destination {
        if let raw = getenv("NIANBAO_LOG"), let forced = Destination(rawValue: String(cString: raw)) {
            return forced
        }
        if JournalWriter.stderrIsJournal { return .journal }
        if JournalWriter.isJournalAvailable && isatty(STDERR_FILENO) == 0 { return .journal }
        return .stderr
    }

    /// Bootstraps swift-log once per process with the preferred destination.
    ///
    /// - Parameters:
    ///   - identifier: The `SYSLOG_IDENTIFIER` for journal entries.
    ///   - level: The lowest level logged.
    /// - Returns: The destination chosen.
    @discardableResult
    public static func bootstrap(identifier: String = "nianbao", level: Logger.Level = .info) -> Destination {
        let destination = preferredDestination()
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler
            switch destination {
            case .journal: handler = JournalLogHandler(label: label, identifier: identifier)
            case .stderr: handler = StreamLogHandler.standardError(label: label)
            }
            handler.logLevel = level
            return handler
        }
        return destination
    }
}
