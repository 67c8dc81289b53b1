import NianbaoPlatform
#if canImport(Glibc)
import Glibc
import NianbaoOffice
#endif

/// Prints each verdict and notice on standard output (used when run by hand).
public struct TerminalObserver: DaemonObserver {
    private let formatter = HumanFormatter(colour: isatty(STDOUT_FILENO) == 1)

    public init() {}

    public func verdict(_ record: VerdictRecord, key: ReportKey) {
        write(formatter.block(record, path: key.description))
    }

    public func removed(_ record: VerdictRecord, key: ReportKey) {
        write("GONE  \(TerminalText.escape(key.description))")
    }

    public func notice(_ notice: DaemonNotice) {
        write("----  \(TerminalText.escape(NoticeText.english(notice)))")
    }

    private func write(_ text: String) {
        print(text)
        fflush(nil)
    }
}
