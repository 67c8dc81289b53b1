/// Every kind of problem the daemon shows on the page, with its Chinese label.
///
/// The daemon maps each of its notices to one of these (or to none), so the set
/// the page can show is exactly this enumeration; a new kind gets its label here
/// or does not compile.
public enum DaemonProblemKind: String, CaseIterable, Sendable, Hashable {
    /// A file was refused without being judged as a report (unreadable, too large, wrong format, timeout…).
    case refused
    /// A drop folder disappeared.
    case watchLost = "watch_lost"
    /// The inotify watch limit was reached.
    case watchLimit = "watch_limit"
    /// A polled drop folder's share does not answer.
    case watchStalled = "watch_stalled"
    /// Verdicts or status files cannot be written (disk full, quota, I/O error).
    case storage
    /// The verdict journal was repaired or had unreadable lines at start.
    case journal
    /// A write or reload failed.
    case error
    /// The kernel's event queue overflowed; the folders were rescanned.
    case overflow

    /// The label in the page's 类别 column.
    public var chineseName: String {
        switch self {
        case .refused: "文件被拒收"
        case .watchLost: "投递目录丢失"
        case .watchLimit: "监视数量达上限"
        case .watchStalled: "共享目录无响应"
        case .storage: "存储写入失败"
        case .journal: "结论日志修复"
        case .error: "运行错误"
        case .overflow: "事件溢出重扫"
        }
    }
}
