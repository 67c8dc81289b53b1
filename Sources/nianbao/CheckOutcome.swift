import NianbaoDaemon
import NianbaoEngine
import NianbaoPlatform

/// What checking one target gives: a verdict and the bytes of its printed line(s), or an error for standard error.
enum CheckOutcome: Sendable {
    case verdict(Verdict, line: [UInt8])
    case error(String)

    /// Reads and judges one target, and formats the verdict (all on the calling thread).
    static func judge(
        _ target: CheckTargets.Target, checker: ReportChecker, maxBytes: Int, format: (VerdictRecord) -> [UInt8]
    ) -> CheckOutcome {
        let record: VerdictRecord
        switch target {
        case .missing(let path, let reason):
            return .error("nianbao: \(path): \(reason)")
        case .file(let path, let relative, let root):
            switch root.read(relative, maxBytes: maxBytes) {
            case .content(let bytes, _):
                record = checker.check(bytes: bytes, path: path)
            case .refused(.tooLarge(let size, let limit)):
                record = ReportChecker.refusal(path: path, code: .inputTooLarge, message: "文件过大：\(size) 字节，上限 \(limit) 字节")
            case .refused(let refusal):
                return .error("nianbao: \(path): \(refusal)")
            }
        }
        return .verdict(record.verdict, line: format(record))
    }
}
