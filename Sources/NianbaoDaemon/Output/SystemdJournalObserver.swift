import NianbaoPlatform

/// Sends every verdict and notice to the systemd journal as one structured entry
/// (MESSAGE in Chinese, PRIORITY, MESSAGE_ID, NIANBAO_* fields).
public struct SystemdJournalObserver: DaemonObserver {
    private let writer = JournalWriter()

    public init() {}

    public func verdict(_ record: VerdictRecord, key: ReportKey) {
        send(VerdictJournalEntry.fields(record, key: key))
    }

    public func removed(_ record: VerdictRecord, key: ReportKey) {
        send(VerdictJournalEntry.fields(record, key: key))
    }

    public func notice(_ notice: DaemonNotice) {
        let (id, priority) = Self.classify(notice)
        let fields: [(String, [UInt8])] = [
            ("MESSAGE", Array(NoticeText.chinese(notice).utf8)),
            ("PRIORITY", Array(String(priority).utf8)),
            ("SYSLOG_IDENTIFIER", Array("nianbao".utf8)),
            ("NIANBAO_EVENT", Array(NoticeText.english(notice).utf8)),
            ("MESSAGE_ID", Array(id.rawValue.utf8)),
        ] + Self.extraFields(notice)
        send(fields)
    }

    static func classify(_ notice: DaemonNotice) -> (MessageID, Int) {
        switch notice {
        case .started: return (.daemonStarted, 5)
        case .reloaded: return (.daemonReloaded, 5)
        case .stopping: return (.daemonStopping, 5)
        case .overflowRescan: return (.overflowRescan, 4)
        case .watchLost: return (.watchLost, 3)
        case .watchRestored: return (.watchRestored, 5)
        case .watchLimitReached: return (.watchLimitReached, 3)
        case .watchMode(_, let plan, _): return (.watchMode, plan.reason.contains("not seen") ? 4 : 5)
        case .watchStalled: return (.watchStalled, 3)
        case .watchResumed: return (.watchResumed, 5)
        case .journalRepaired: return (.journalRepaired, 4)
        case .journalUnreadableLines: return (.journalUnreadable, 4)
        case .storageDegraded: return (.storageDegraded, 3)
        case .storageRecovered: return (.storageRecovered, 5)
        case .clockStepped: return (.clockStepped, 4)
        case .failure: return (.daemonError, 3)
        case .restartNeeded: return (.daemonReloaded, 4)
        case .stateHealed(.journal, _): return (.journalRepaired, 4)
        case .stateHealed: return (.daemonError, 4)
        }
    }

    /// The structured fields of watch notices (NIANBAO_DROP, NIANBAO_WATCH_MODE …).
    static func extraFields(_ notice: DaemonNotice) -> [(String, [UInt8])] {
        switch notice {
        case .watchMode(let drop, let plan, let pollSeconds):
            var fields: [(String, [UInt8])] = [
                ("NIANBAO_DROP", Array(drop.name.utf8)), ("NIANBAO_PATH", FileNameCoding.encode(drop.path)),
                ("NIANBAO_WATCH_MODE", Array(plan.mode.rawValue.utf8)), ("NIANBAO_WATCH_REASON", Array(plan.reason.utf8)),
            ]
            if plan.mode != .inotify { fields.append(("NIANBAO_POLL_SECONDS", Array(String(pollSeconds).utf8))) }
            return fields
        case .watchStalled(let drop, let path), .watchResumed(let drop, let path):
            return [("NIANBAO_DROP", Array(drop.utf8)), ("NIANBAO_PATH", FileNameCoding.encode(path))]
        default:
            return []
        }
    }

    private func send(_ fields: [(String, [UInt8])]) {
        try? writer.send(fields: fields)
    }
}

/// The journal fields of a verdict or removal record.
public enum VerdictJournalEntry {
    public static func fields(_ record: VerdictRecord, key: ReportKey) -> [(String, [UInt8])] {
        let errors = record.count(.error)
        let warnings = record.count(.warning)
        let who = "\(record.agency ?? "（未识别机关）") \(record.year.map { "\($0)年" } ?? "（年度不明）")"
        let message: String
        let id: MessageID
        let priority: Int
        if record.event == .removed {
            message = "年报已移除：\(key.relativePath.string)（\(key.drop)）"
            id = .reportRemoved
            priority = 6
        } else {
            switch record.verdict {
            case .fail:
                message = "年报未通过：\(who) · \(errors) 个错误"
                id = .verdictFail
                priority = 3
            case .warn:
                message = "年报有警告：\(who) · \(warnings) 个警告"
                id = .verdictWarn
                priority = 4
            case .pass:
                message = "年报通过：\(who)"
                id = .verdictPass
                priority = 6
            }
        }
        func text(_ s: String) -> [UInt8] { Array(s.utf8) }
        var fields: [(String, [UInt8])] = [
            ("MESSAGE", text(message)),
            ("PRIORITY", text(String(priority))),
            ("MESSAGE_ID", text(id.rawValue)),
            ("SYSLOG_IDENTIFIER", text("nianbao")),
            ("NIANBAO_EVENT", text(record.event?.rawValue ?? "new")),
            ("NIANBAO_VERDICT", text(record.verdict.rawValue)),
            ("NIANBAO_PATH", FileNameCoding.encode(record.path)),
            ("NIANBAO_DROP", text(key.drop)),
            ("NIANBAO_RELATIVE_PATH", FileNameCoding.encode(key.relativePath.string)),
            ("NIANBAO_SHA256", text(record.sha256)),
            ("NIANBAO_ERRORS", text(String(errors))),
            ("NIANBAO_WARNINGS", text(String(warnings))),
            ("NIANBAO_CODES", text(record.codes.joined(separator: " "))),
            ("NIANBAO_FORMAT", text(record.format)),
        ]
        if let agency = record.agency { fields.append(("NIANBAO_AGENCY", text(agency))) }
        if let year = record.year { fields.append(("NIANBAO_YEAR", text(String(year)))) }
        if let template = record.template { fields.append(("NIANBAO_TEMPLATE", text(template))) }
        return fields
    }
}
