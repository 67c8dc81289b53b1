import NianbaoEngine

/// Tells a failure of the host (temporary space, a helper that could not start,
/// ENOMEM, EMFILE, an I/O error; a time-out or crash that may be the load's) from
/// a verdict about the document. The daemon records the former as retryable
/// (``VerdictRecord/retry``) and judges the report again; only the document's
/// failures are final.
public enum HostFailure {
    /// How a failure is taken.
    public enum Kind: Sendable, Hashable {
        /// The host's: judged again until the document gets a verdict.
        case host
        /// A time-out or crash: the host's under load, or the document's; judged
        /// again a few times, then final.
        case maybeLoad
    }

    /// What `ReportJudge` says when reading a drop file failed for the host's reasons.
    static let readMessage = "服务器暂时无法读取该文件"
    /// Fragments of the helpers' messages (`LibreOfficeConverter`, `ChildOutcomeFinding`).
    static let temporaryDirectory = "无法准备临时目录"
    static let notStarted = "程序无法启动"
    static let crashed = "程序崩溃"

    /// Errors of reading a file that are the host's, not the file's.
    static let hostErrnos: Set<Int32> = [12 /* ENOMEM */, 24 /* EMFILE */, 23 /* ENFILE */, 105 /* ENOBUFS */,
                                        11 /* EAGAIN */, 5 /* EIO */, 4 /* EINTR */]

    /// How the record's failure is taken; nil when it is a verdict about the document.
    public static func kind(of record: VerdictRecord) -> Kind? {
        guard record.verdict == .fail, let first = record.findings.first else { return nil }
        switch first.code {
        case RuleCode.inputUnreadable.rawValue:
            return first.message.contains(temporaryDirectory) || first.message.contains(readMessage) ? .host : nil
        case RuleCode.parserCrashed.rawValue:
            if first.message.contains(notStarted) { return .host }
            return first.message.contains(crashed) ? .maybeLoad : nil
        case RuleCode.inputTimeout.rawValue:
            return .maybeLoad
        default:
            return nil
        }
    }
}
