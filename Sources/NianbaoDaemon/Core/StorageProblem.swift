/// Why verdicts cannot be written, told from the error's text (an `Errno`'s
/// description or a test's code): what the `STATUS=` line and the notice call it.
/// A full disk is not a permission problem: the operator's fix differs.
enum StorageProblem: Sendable, Equatable {
    /// ENOSPC, EDQUOT: no space or quota left.
    case space
    /// EPERM, EACCES, EROFS: the file or file system refuses the write.
    case permission
    /// Anything else (EIO, …).
    case other

    init(error: String) {
        let text = error.lowercased()
        if ["no space", "enospc", "quota", "edquot"].contains(where: { text.contains($0) }) {
            self = .space
        } else if ["permission denied", "not permitted", "eperm", "eacces", "read-only", "erofs"].contains(where: { text.contains($0) }) {
            self = .permission
        } else {
            self = .other
        }
    }

    /// The Chinese words for the problem ("磁盘空间不足", "无权写入判定日志（权限不足）", …).
    var chinese: String {
        switch self {
        case .space: "磁盘空间不足"
        case .permission: "无权写入判定日志（权限不足）"
        case .other: "判定日志无法写入"
        }
    }
}
