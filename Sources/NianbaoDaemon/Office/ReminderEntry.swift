import NianbaoEngine
import NianbaoOffice
import NianbaoPlatform

/// The structured journal entry of a year's reminder (`nianbao remind`).
///
/// Fields: `MESSAGE` (`Reminder.message`), `PRIORITY` (6, 4 or 3), `MESSAGE_ID`
/// (`MessageID.yearReminder`), `SYSLOG_IDENTIFIER` (`nianbao-remind`), `NIANBAO_YEAR`,
/// `NIANBAO_EXPECTED`, `NIANBAO_SUBMITTED`, `NIANBAO_MISSING` (a count),
/// `NIANBAO_MISSING_AGENCIES` (roster order, joined with "、"), `NIANBAO_DEADLINE` and
/// `NIANBAO_DAYS_LEFT` (see `deadline`).
public struct ReminderEntry: Sendable, Hashable {
    /// The identifier the entries carry (`journalctl -t nianbao-remind`).
    public static let identifier = "nianbao-remind"

    /// The reminder.
    public var reminder: Reminder
    /// The deadline that matters most: the earliest among the agencies still missing, or,
    /// with none missing, the earliest among all expected agencies; nil when unknown.
    public var deadline: CivilDate?
    /// Days from `today` to `deadline`: 0 on the day, negative once it has passed.
    public var daysLeft: Int?

    /// The entry of `reminder`, computed from the same `status`.
    public init(reminder: Reminder, status: YearStatus) {
        self.reminder = reminder
        let missing = status.agencies.filter { $0.state == .missing }.compactMap(\.deadline)
        deadline = (missing.isEmpty ? status.agencies.compactMap(\.deadline) : missing).min()
        daysLeft = deadline.map { status.today.days(to: $0) }
    }

    /// The entry's fields, in order.
    public var fields: [(String, String)] {
        [
            ("MESSAGE", reminder.message),
            ("PRIORITY", String(reminder.priority.rawValue)),
            ("MESSAGE_ID", MessageID.yearReminder.rawValue),
            ("SYSLOG_IDENTIFIER", Self.identifier),
            ("NIANBAO_YEAR", String(reminder.year)),
            ("NIANBAO_EXPECTED", String(reminder.expected)),
            ("NIANBAO_SUBMITTED", String(reminder.submitted)),
            ("NIANBAO_MISSING", String(reminder.missing.count)),
            ("NIANBAO_MISSING_AGENCIES", reminder.missing.joined(separator: "、")),
            ("NIANBAO_DEADLINE", deadline?.iso ?? ""),
            ("NIANBAO_DAYS_LEFT", daysLeft.map(String.init) ?? ""),
        ]
    }

    /// Where reminders go: the journal when standard error is a journal stream or
    /// journald's socket exists (`NIANBAO_LOG=journal|stderr` forces the choice),
    /// otherwise standard output.
    public static var journalIsAvailable: Bool {
        if let forced = getenv("NIANBAO_LOG").map({ String(cString: $0) }) {
            if forced == "journal" { return true }
            if forced == "stderr" { return false }
        }
        return JournalWriter.stderrIsJournal || JournalWriter.isJournalAvailable
    }

    /// Sends the entry through `sd_journal_sendv`.
    public func send(with writer: JournalWriter = JournalWriter()) throws(JournalSendError) {
        try writer.send(fields: fields)
    }
}

#if canImport(Glibc)
import Glibc
#endif
