/// Human text for daemon notices, in English (logs) and Chinese (journal MESSAGE).
enum NoticeText {
    static func english(_ notice: DaemonNotice) -> String {
        switch notice {
        case .started(let drops): return "started, watching \(drops.map(\.path).joined(separator: ", "))"
        case .reloaded(let drops): return "reloaded, watching \(drops.map(\.path).joined(separator: ", "))"
        case .stopping: return "stopping: helper processes killed, queued reports left for the next start"
        case .overflowRescan: return "inotify queue overflowed; rescanning every drop folder"
        case .watchLost(let path): return "drop folder \(path) disappeared; will re-arm when it returns"
        case .watchRestored(let path): return "drop folder \(path) is back and watched again"
        case .watchLimitReached(let path): return "inotify watch limit reached at \(path); raise fs.inotify.max_user_watches"
        case .journalUnreadableLines(let path, let lines): return "verdict journal \(path) has \(lines) unreadable lines; skipped"
        case .journalRepaired(let path, let bytes): return "verdict journal \(path) ended in a torn line; cut \(bytes) bytes"
        case .storageDegraded(let pending, let error):
            return "cannot write verdicts (\(error)); \(pending) held and retried until space returns"
        case .storageRecovered(let written): return "storage writable again; \(written) held verdicts written"
        case .failure(let text): return text
        }
    }

    static func chinese(_ notice: DaemonNotice) -> String {
        switch notice {
        case .started(let drops): return "nianbao 已启动，监视 \(drops.count) 个投递目录"
        case .reloaded(let drops): return "nianbao 已重新加载配置，监视 \(drops.count) 个投递目录"
        case .stopping: return "nianbao 正在停止"
        case .overflowRescan: return "inotify 事件队列溢出，正在重新扫描全部投递目录"
        case .watchLost(let path): return "投递目录丢失：\(path)"
        case .watchRestored(let path): return "投递目录已恢复监视：\(path)"
        case .watchLimitReached(let path): return "inotify 监视数量达到上限：\(path)"
        case .journalUnreadableLines(let path, let lines): return "判定日志有 \(lines) 行无法读取，已跳过：\(path)"
        case .journalRepaired(let path, let bytes): return "判定日志末行不完整，已截去 \(bytes) 字节：\(path)"
        case .storageDegraded(let pending, let error): return "磁盘空间不足或无法写入（\(error)）：\(pending) 份报告待写入，空间恢复后自动补写"
        case .storageRecovered(let written): return "存储已恢复：\(written) 份待写入的裁定已写入"
        case .failure(let text): return "nianbao 错误：\(text)"
        }
    }
}
