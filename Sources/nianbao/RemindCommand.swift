import ArgumentParser
import NianbaoDaemon
import NianbaoOffice
import NianbaoPlatform
#if canImport(Glibc)
import Glibc
#endif

/// `nianbao remind`: one journal entry per reporting year in progress — who is still
/// missing and how long until (or since) the deadline. Run daily by nianbao-remind.timer.
struct RemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Log the deadline reminder of each report year in progress (to the journal, else standard output).",
        discussion: """
        Priority 6 (info), 4 (warning) when 3 days or fewer remain for a missing report, 3 (err) \
        once a deadline has passed with reports missing. MESSAGE_ID 3722b34e0f314b4298559f0b52ef73dd; \
        journalctl -u nianbao-remind shows the entries. Without journald the lines go to standard output.
        """
    )

    @OptionGroup var office: OfficeOptions

    func run() async throws {
        let settings = try await office.resolve()
        guard settings.sites.isEmpty else {
            FileHandleOutput.standardError("nianbao: remind reads one status directory (the site's own)")
            throw ExitCode(2)
        }
        let records = StatusRecords(directory: StatusDirectory(root: settings.statusDirectory))
        let toJournal = ReminderEntry.journalIsAvailable
        var failed = false
        for (status, reminder) in records.reminders(roster: settings.roster, today: settings.today) {
            let entry = ReminderEntry(reminder: reminder, status: status)
            if toJournal {
                do {
                    try entry.send()
                } catch {
                    FileHandleOutput.standardError("nianbao: cannot write to the journal (errno \(error.errno)); the reminder follows")
                    failed = true
                }
            }
            // By hand at a terminal the operator sees the line too.
            if !toJournal || failed || isatty(STDOUT_FILENO) == 1 { print(TerminalText.escape(reminder.message)) }
        }
        if failed { throw ExitCode(1) }
    }
}
