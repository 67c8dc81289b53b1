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
        case .watchLimitReached(let path): return "inotify watch limit reached at \(path) (said once for all such folders; they are polled); raise fs.inotify.max_user_watches"
        case .watchMode(let drop, let plan, let seconds):
            switch plan.mode {
            case .inotify: return "drop folder \(drop.name) (\(drop.path)) watched by inotify: \(plan.reason)"
            case .poll: return "drop folder \(drop.name) (\(drop.path)) polled every \(seconds) s: \(plan.reason)"
            case .mixed: return "drop folder \(drop.name) (\(drop.path)) watched by inotify, polled every \(seconds) s below: \(plan.reason)"
            }
        case .watchStalled(let drop, let path): return "drop folder \(drop): the scan of \(path) does not finish; the share does not answer"
        case .watchResumed(let drop, let path): return "drop folder \(drop): \(path) answers again and is polled"
        case .journalUnreadableLines(let path, let lines): return "verdict journal \(path) has \(lines) unreadable lines; skipped"
        case .journalRepaired(let path, let bytes): return "verdict journal \(path) ended in a torn line; cut \(bytes) bytes"
        case .storageDegraded(let pending, let error):
            return "cannot write verdicts (\(error)); \(pending) held and retried until space returns"
        case .storageRecovered(let written): return "storage writable again; \(written) held verdicts written"
        case .restartNeeded(let keys):
            return "configuration reloaded, but \(keys.joined(separator: ", ")) changed: these take effect only after a restart; the old values stay in force"
        case .stateHealed(.statusDirectory, let path): return "status directory \(path) was deleted or replaced; rebuilt from the verdicts"
        case .stateHealed(.receiptDirectory, let path): return "receipts directory \(path) was deleted or replaced; receipts written again"
        case .stateHealed(.journal, let path): return "verdict journal \(path) was deleted or replaced; reopened, later verdicts go to the new file"
        case .stateHealed(.attemptLog, let path): return "attempt log \(path) was deleted or replaced; written again from memory"
        case .clockStepped(let seconds):
            return "wall clock stepped \(seconds < 0 ? "back" : "forward") by \(abs(seconds)) s; "
                + "arrivals and the order of uploads follow the journal's sequence, not the clock"
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
        case .watchLimitReached(let path): return "inotify 监视数量达到上限（超出的目录改为定时轮询）：\(path)"
        case .watchMode(let drop, let plan, let seconds):
            switch plan.mode {
            case .inotify: return "投递目录 \(drop.name) 由 inotify 监视：\(drop.path)"
            case .poll: return "投递目录 \(drop.name) 每 \(seconds) 秒轮询（\(plan.reason)）：\(drop.path)"
            case .mixed: return "投递目录 \(drop.name) 由 inotify 监视，其下挂载的共享目录每 \(seconds) 秒轮询（\(plan.reason)）：\(drop.path)"
            }
        case .watchStalled(let drop, let path): return "投递目录 \(drop) 无响应，扫描未能完成：\(path)"
        case .watchResumed(let drop, let path): return "投递目录 \(drop) 已恢复响应：\(path)"
        case .journalUnreadableLines(let path, let lines): return "判定日志有 \(lines) 行无法读取，已跳过：\(path)"
        case .journalRepaired(let path, let bytes): return "判定日志末行不完整，已截去 \(bytes) 字节：\(path)"
        case .storageDegraded(let pending, let error):
            return "\(StorageProblem(error: error).chinese)（\(error)）：\(pending) 份报告待写入，恢复后自动补写"
        case .storageRecovered(let written): return "存储已恢复：\(written) 份待写入的裁定已写入"
        case .restartNeeded(let keys): return "配置已重新读取，但 \(keys.joined(separator: "、")) 的修改须重启 nianbao 后才生效，目前仍按原值运行"
        case .stateHealed(.statusDirectory, let path): return "状态目录被删除或替换，已按判定记录重建：\(path)"
        case .stateHealed(.receiptDirectory, let path): return "回执目录被删除或替换，已重新写入回执：\(path)"
        case .stateHealed(.journal, let path): return "判定日志被删除或替换，已重新打开，此后的判定写入新文件：\(path)"
        case .stateHealed(.attemptLog, let path): return "核查尝试记录被删除或替换，已按内存中的记录重写：\(path)"
        case .clockStepped(let seconds):
            return "系统时钟\(seconds < 0 ? "回拨" : "前跳") \(abs(seconds)) 秒；到达时间与上传先后以判定日志序号为准，不受影响"
        case .failure(let text): return "nianbao 错误：\(text)"
        }
    }
}
