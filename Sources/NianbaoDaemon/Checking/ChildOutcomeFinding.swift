import NianbaoEngine
import NianbaoFormats
import NianbaoPlatform
#if canImport(Glibc)
import Glibc
#endif

/// The refusal for a helper process (converter, isolated reader) that did not
/// finish its work: over its time budget, killed by a signal, or never started.
enum ChildOutcomeFinding {
    /// `action` is what the helper did, in Chinese ("转换", "读取"); nil for a normal exit.
    static func finding(_ outcome: BoundedProcess.Outcome, format: DocumentFormat, action: String,
                        limits: BoundedProcess.Limits) -> Finding? {
        let name = format.displayName
        switch outcome {
        case .exited:
            return nil
        case .timedOut:
            let seconds = limits.timeout.components.seconds
            return Finding(.inputTimeout, "\(name)\(action)超时（超过 \(seconds) 秒），已终止；文件可能已损坏或被特意构造，请改交 .docx 或 PDF")
        case .signaled(let signal) where signal == SIGXCPU:
            return Finding(.inputTimeout, "\(name)\(action)超过 CPU 时间上限（\(limits.cpuSeconds) 秒），已终止；请改交 .docx 或 PDF")
        case .signaled(let signal):
            let memory = mayBeMemory(outcome) ? "，可能超过内存上限 \(limits.addressSpaceBytes >> 20) MB" : ""
            return Finding(.parserCrashed, "\(name)\(action)程序崩溃（信号 \(signal)\(memory)）；文件可能已损坏，请改交 .docx 或 PDF")
        case .cancelled:
            return Finding(.parserCrashed, "\(name)\(action)因服务停止而中断，将在下次启动时重新核查")
        case .spawnFailed(let error):
            return Finding(.parserCrashed, "\(name)\(action)程序无法启动（errno \(error)）")
        }
    }

    /// Whether the helper may have died of its address-space limit (an allocation that
    /// failed ends it by one of these signals).
    static func mayBeMemory(_ outcome: BoundedProcess.Outcome) -> Bool {
        guard case .signaled(let signal) = outcome else { return false }
        return signal == SIGKILL || signal == SIGSEGV || signal == SIGABRT || signal == SIGBUS
    }
}
