import NianbaoEngine
import NianbaoFormats
import NianbaoOffice
import NianbaoPlatform

/// Reads and judges one job: never follows a symbolic link, never blocks on a
/// FIFO, never reads past the size limit, hashes the content once. Blocking:
/// the effects loop runs it on a Dispatch thread.
struct ReportJudge: Sendable {
    let checker: any ReportChecking
    let files: any ReportFiles
    let maxBytes: Int
    /// Reports being judged, so a file that kills the daemon is not retried forever.
    let attempts: AttemptLog
    /// Stopped at the daemon's stop: a crash or time-out then is the stop's doing.
    let helpers: HelperProcesses

    /// Reads the job's file; judges it here unless a bounded child process must.
    func read(_ job: Job) -> JudgeOutcome {
        switch files.read(path: job.key.relativePath.string, within: job.root, maxBytes: maxBytes) {
        case .content(let bytes, _):
            let sha = ContentHash.sha256(bytes)
            if sha == job.knownSHA256 { return .unchanged }
            let attempt = AttemptLog.Attempt(key: job.key, sha256: sha)
            let earlier = attempts.attempts(attempt)
            guard earlier < AttemptLog.maxAttempts else {
                attempts.settled(attempt)
                let message = "核查程序在处理此文件时已连续 \(earlier) 次异常终止，不再重试；请更换文件后重新提交，并告知运维人员"
                return refuse(job, .checkCrashed, message, sha256: sha)
            }
            let format = DocumentFormat.detect(bytes, fileName: job.key.relativePath.lastComponent?.string ?? "")
            let prepared = PreparedReport(job: job, bytes: bytes, sha256: sha, format: format)
            if format.isIsolated || format.needsConversion { return .needsChild(prepared) }
            return judge(prepared)
        case .refused(let refusal):
            return refused(job, refusal)
        }
    }

    /// Judges a prepared report (in a child process when its format needs one).
    func judge(_ prepared: PreparedReport) -> JudgeOutcome {
        let attempt = AttemptLog.Attempt(key: prepared.job.key, sha256: prepared.sha256)
        attempts.begin(attempt)
        let (record, report) = checker.checkReport(bytes: prepared.bytes, sha256: prepared.sha256, path: prepared.job.path)
        if helpers.isStopping,
           record.findings.contains(where: { $0.code == RuleCode.parserCrashed.rawValue || $0.code == RuleCode.inputTimeout.rawValue }) {
            // Cut short by the stop, not the file's fault: judged again at the next start.
            attempts.cancel(attempt)
            return .cancelled
        }
        attempts.settled(attempt)
        return .verdict(record, report: report)
    }

    private func refused(_ job: Job, _ refusal: SafeReadRefusal) -> JudgeOutcome {
        switch refusal {
        case .vanished, .notRegularFile(.directory):
            return .gone
        case .changedWhileReading:
            return .changedWhileReading(files.identity(path: job.path))
        case .notRegularFile(let kind):
            return refuse(job, .inputUnreadable, "不是普通文件（\(kind)），不予读取；请以普通文件提交年报")
        case .outsideRoot:
            return refuse(job, .inputUnreadable, "路径经符号链接指向投递目录之外，不予读取")
        case .tooLarge(let size, let limit):
            return refuse(job, .inputTooLarge, "文件过大：\(size) 字节，上限 \(limit) 字节；请压缩图片或拆分附件后重新提交")
        case .permissionDenied:
            return refuse(job, .inputUnreadable, "无权读取该文件（权限不足），请检查文件权限")
        case .ioError(let errno) where HostFailure.hostErrnos.contains(errno):
            // The host's failure (out of memory or descriptors, an I/O error): retried.
            return refuse(job, .inputUnreadable, "\(HostFailure.readMessage)（errno \(errno)），将自动重新核查")
        case .ioError(let errno):
            return refuse(job, .inputUnreadable, "读取文件出错（errno \(errno)）")
        }
    }

    /// A fail verdict for an entry that cannot be judged; `.unchanged` if it is the current one.
    private func refuse(_ job: Job, _ code: RuleCode, _ message: String, sha256: String = "") -> JudgeOutcome {
        if job.knownSHA256 == sha256 && job.knownFirstCode == code.rawValue { return .unchanged }
        return .refused(ReportChecker.refusal(path: job.path, code: code, message: message, sha256: sha256))
    }

    /// Compares a new verdict's report with the agency's reports of the year
    /// before (findings for this one) and the year after (findings for that one).
    func crossCheck(_ check: CrossCheck) -> (record: VerdictRecord, updates: [CrossYearUpdate]) {
        let this = CrossYearCheck.Input(report: check.report, file: check.key.relativePath.string)
        var own: [VerdictRecord.FindingRecord] = []
        if let previous = check.previous, let last = report(previous) {
            own = CrossYearCheck.checkWithAnomalies(thisYear: this, lastYear: last).map(VerdictRecord.FindingRecord.init)
        }
        var updates: [CrossYearUpdate] = []
        if let next = check.next, let following = report(next) {
            let findings = CrossYearCheck.checkWithAnomalies(thisYear: following, lastYear: this).map(VerdictRecord.FindingRecord.init)
            updates.append(CrossYearUpdate(counterpart: next, findings: findings, tables: TablesRecord(following.report)))
        }
        return (check.record.replacingCrossYear(own), updates)
    }

    /// A judged report read and parsed again, if its file still holds the content judged.
    func report(_ counterpart: Counterpart) -> CrossYearCheck.Input? {
        guard case .content(let bytes, _) = files.read(
            path: counterpart.key.relativePath.string, within: counterpart.root, maxBytes: maxBytes),
            ContentHash.sha256(bytes) == counterpart.sha256 else { return nil }
        let path = Job(key: counterpart.key, root: counterpart.root).path
        guard let report = checker.checkReport(bytes: bytes, sha256: counterpart.sha256, path: path).report else { return nil }
        return CrossYearCheck.Input(report: report, file: counterpart.key.relativePath.string)
    }
}
