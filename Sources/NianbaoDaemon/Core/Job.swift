import NianbaoEngine
import NianbaoFormats
import NianbaoPlatform
import SystemPackage

/// A report to be read and judged: where it is, and what its current verdict
/// was made from, so the judge can tell "unchanged" without asking back.
public struct Job: Sendable, Hashable {
    public var key: ReportKey
    /// Absolute path of its drop folder.
    public var root: String
    /// The content hash of the report's current verdict (nil: no verdict yet).
    public var knownSHA256: String?
    /// The first finding code of the current verdict (tells one refusal from another).
    public var knownFirstCode: String?

    public init(key: ReportKey, root: String, knownSHA256: String? = nil, knownFirstCode: String? = nil) {
        self.key = key
        self.root = root
        self.knownSHA256 = knownSHA256
        self.knownFirstCode = knownFirstCode
    }

    /// The file's absolute path (for records and messages; reading walks from `root`).
    public var path: String { CanonicalPath.join(root, key.relativePath.string) }
}

/// A report read and hashed, waiting for a bounded child process to judge it.
public struct PreparedReport: Sendable, Hashable {
    public var job: Job
    public var bytes: [UInt8]
    public var sha256: String
    public var format: DocumentFormat

    public init(job: Job, bytes: [UInt8], sha256: String, format: DocumentFormat) {
        self.job = job
        self.bytes = bytes
        self.sha256 = sha256
        self.format = format
    }
}

/// What judging a job came to: the worker's one answer.
public enum JudgeOutcome: Sendable, Hashable {
    /// The content is the one the current verdict was made from.
    case unchanged
    /// A new verdict (new or changed content), with the report as parsed (for
    /// the cross-year checks; nil when it could not be read).
    case verdict(VerdictRecord, report: Report? = nil)
    /// The entry cannot be read as a report (FIFO, too large, outside the folder …): a fail verdict.
    case refused(VerdictRecord)
    /// Someone wrote to the file while it was read: settle again from this identity.
    case changedWhileReading(FileIdentity?)
    /// The file is gone, or is a directory: nothing to judge.
    case gone
    /// Read and hashed; a bounded child process must judge it.
    case needsChild(PreparedReport)
    /// Judging was cut short by the stop: judged again at the next start.
    case cancelled
}
