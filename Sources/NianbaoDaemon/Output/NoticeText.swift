/// Human text for daemon notices, in English (logs) and Chinese (journal MESSAGE).
enum NoticeText {
    static func english(_ notice: DaemonNotice) -> String {
        switch notice {
        case .started(let drops): return "started, watching \(drops.map(\.path).joined(separator: ", "))"
        case .reloaded(let drops): return "reloaded, watching \(drops.map(\.path).joined(separator: ", "))"
        case .stopping: return "stopping: draining queued reports"
        case .overflowRescan: return "inotify queue overflowed; rescanning every drop folder"
        case .watchLost(let path): return "drop folder \(path) disappeared; will re-arm when it returns"
        case .watchRestored(let path): return "drop folder \(path) is back and watched again"
        case .watchLimitReached(let path): return "inotify watch limit reached at \(path); raise fs.inotify.max_user_watches"
        case .unreadable(let path, let reason): return "cannot judge \(path): \(reason)"
        case .journalRepaired(let path, let bytes): return "verdict journal \(path) ended in a torn line; cut \(bytes) bytes"
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
        case .unreadable(let path, let reason): return "无法判定：\(path)（\(reason)）"
        case .journalRepaired(let path, let bytes): return "判定日志末行不完整，已截去 \(bytes) 字节：\(path)"
        case .failure(let text): return "nianbao 错误：\(text)"
        }
    }
}
