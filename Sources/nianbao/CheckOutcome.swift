import NianbaoDaemon
import NianbaoEngine
import NianbaoOffice
import NianbaoPlatform

/// What checking one target gives: a verdict and the bytes of its printed line(s), or an error for standard error.
enum CheckOutcome: Sendable {
    /// `pairing`: the record and what the cross-year checks need of its report, when the
    /// report names an agency and a year (`CrossYearBatch`).
    case verdict(Verdict, line: [UInt8], pairing: CrossYearBatch.Entry?)
    case error(String)

    /// Reads and judges one target, and formats the verdict (all on the calling thread).
    static func judge(
        _ target: CheckTargets.Target, checker: ReportChecker, maxBytes: Int, marks: ReviewMarks = ReviewMarks(),
        format: (VerdictRecord) -> [UInt8]
    ) -> CheckOutcome {
        var record: VerdictRecord
        var report: Report?
        switch target {
        case .missing(let path, let reason):
            return .error("nianbao: \(path): \(reason)")
        case .file(let path, let relative, let root):
            switch root.read(relative, maxBytes: maxBytes) {
            case .content(let bytes, _):
                (record, report) = checker.checkReport(bytes: bytes, sha256: ContentHash.sha256(bytes), path: path)
            case .refused(.tooLarge(let size, let limit)):
                record = ReportChecker.refusal(path: path, code: .inputTooLarge, message: "文件过大：\(size) 字节，上限 \(limit) 字节")
            case .refused(let refusal):
                return .error("nianbao: \(path): \(refusal)")
            }
        }
        record = record.settling(with: marks)
        return .verdict(record.verdict, line: format(record), pairing: report.flatMap { CrossYearBatch.entry(record, $0) })
    }
}
