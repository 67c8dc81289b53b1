import Logging
import NianbaoOffice

/// Logs verdicts and notices through swift-log (stderr when no journal is reachable),
/// names escaped (`TerminalText`); the journal's NIANBAO_PATH field keeps the exact bytes.
public struct LogObserver: DaemonObserver {
    let logger: Logger
    let logsVerdicts: Bool

    /// - Parameter logsVerdicts: false when verdicts are already printed on the terminal.
    public init(logger: Logger, logsVerdicts: Bool = true) {
        self.logger = logger
        self.logsVerdicts = logsVerdicts
    }

    public func verdict(_ record: VerdictRecord, key: ReportKey) {
        guard logsVerdicts else { return }
        let level: Logger.Level = record.verdict == .fail ? .error : record.verdict == .warn ? .warning : .info
        logger.log(level: level, "verdict \(record.verdict.rawValue) for \(TerminalText.escape(key.description))", metadata: [
            "verdict": "\(record.verdict.rawValue)", "drop": "\(TerminalText.escape(key.drop))", "path": "\(TerminalText.escape(record.path))",
            "sha256": "\(record.sha256)", "codes": "\(record.codes.joined(separator: " "))",
        ])
    }

    public func removed(_ record: VerdictRecord, key: ReportKey) {
        guard logsVerdicts else { return }
        logger.info("report removed: \(TerminalText.escape(key.description))",
                    metadata: ["drop": "\(TerminalText.escape(key.drop))", "path": "\(TerminalText.escape(record.path))"])
    }

    public func notice(_ notice: DaemonNotice) {
        let level: Logger.Level
        switch notice {
        case .failure, .watchLost, .watchLimitReached, .storageDegraded, .watchStalled: level = .error
        case .overflowRescan, .journalRepaired, .journalUnreadableLines, .restartNeeded, .stateHealed, .clockStepped: level = .warning
        default: level = .notice
        }
        if !logsVerdicts, level == .notice { return }
        logger.log(level: level, "\(TerminalText.escape(NoticeText.english(notice)))")
    }
}
