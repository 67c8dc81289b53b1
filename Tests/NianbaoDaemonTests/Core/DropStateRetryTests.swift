import NianbaoDaemon
import NianbaoEngine
import NianbaoPlatform
import Testing

/// Issue 20, transient is not final: a failure of the host is recorded as
/// retryable and judged again with back-off, and at the next start, until the
/// document gets a verdict; only the document's failures are final.
@Suite struct DropStateRetryTests {
    static func failure(_ path: String, code: RuleCode, _ message: String) -> VerdictRecord {
        var record = S.record(path, verdict: .fail)
        record.findings = [.init(Finding(code, message))]
        return record
    }

    static let temporarySpace = failure("r.doc", code: .inputUnreadable, "Word 97-2003 文档转换失败：无法准备临时目录（No space left on device）")
    static let timeout = failure("r.doc", code: .inputTimeout, "Word 97-2003 文档转换超时（超过 12 秒），已终止")

    /// The job a read effect starts.
    static func readJobs(_ effects: [DropEffect]) -> [Job] {
        effects.compactMap { if case .read(let job) = $0 { job } else { nil } }
    }

    /// Judges the queued job with `record` at `now`, makes it durable; returns the journal line.
    static func verdict(_ state: inout DropState, _ record: VerdictRecord, now: Moment) -> (VerdictRecord, [DropEffect]) {
        let appended = state.apply(.judged(S.job("r.doc"), .verdict(record)), now: now)
        let (key, line, _) = try! #require(appended.appends.first)
        return (line, state.apply(.appended(key, line, line: JSONLine.bytes(line)), now: now))
    }

    @Test func aHostFailureIsJudgedAgainWithBackOffUntilTheDocumentHasAVerdict() {
        var state = S.state()
        #expect(Self.readJobs(state.apply(S.moved("r.doc"))).count == 1)
        let (first, durable) = Self.verdict(&state, Self.temporarySpace, now: .zero)
        #expect(first.retry == 1, "recorded as retryable")
        #expect(durable.wakes == [.seconds(30)])
        #expect(Self.readJobs(state.apply(.tick, now: .seconds(29))).isEmpty)
        let again = Self.readJobs(state.apply(.tick, now: .seconds(30)))
        #expect(again.map(\.key) == [S.key("r.doc")])
        #expect(again.first?.knownSHA256 == nil, "the same content is judged again, not taken as unchanged")
        let (second, secondDurable) = Self.verdict(&state, Self.temporarySpace, now: .seconds(31))
        #expect(second.retry == 2)
        #expect(secondDurable.wakes == [.seconds(91)], "the back-off doubles")
        _ = state.apply(.tick, now: .seconds(91))
        let (final, finalDurable) = Self.verdict(&state, S.record("r.doc"), now: .seconds(92))
        #expect(final.retry == nil && final.verdict == .pass)
        #expect(finalDurable.wakes.isEmpty)
        #expect(Self.readJobs(state.apply(.tick, now: .seconds(10_000))).isEmpty, "a verdict about the document is final")
    }

    @Test func aTimeOutIsRetriedTwiceThenTakenAsTheDocuments() {
        var state = S.state()
        _ = state.apply(S.moved("r.doc"))
        var retries: [Int?] = []
        var now = Moment.zero
        for _ in 0..<3 {
            let (line, _) = Self.verdict(&state, Self.timeout, now: now)
            retries.append(line.retry)
            now += .seconds(3600)
            _ = state.apply(.tick, now: now)
        }
        #expect(retries == [1, 2, nil])
        #expect(Self.readJobs(state.apply(.tick, now: now + .seconds(7200))).isEmpty)
    }

    @Test func aRetryableVerdictIsJudgedAgainAtTheNextStart() {
        var current = Self.temporarySpace
        current.retry = 1
        current.drop = "drop"
        current.relativePath = "r.doc"
        var state = S.state(current: [S.key("r.doc"): current])
        // The start-up scan finds the unchanged file: it is judged, not taken as unchanged.
        let jobs = Self.readJobs(state.apply(S.moved("r.doc")))
        #expect(jobs.count == 1 && jobs.first?.knownSHA256 == nil)
        // A document's failure is not.
        var final = S.record("f.doc", verdict: .fail, code: "input.unreadable")
        final.findings = [.init(Finding(.inputUnreadable, "Word 文档已损坏或格式不正确，无法读取：zip"))]
        var other = S.state(current: [S.key("f.doc"): final])
        #expect(Self.readJobs(other.apply(S.moved("f.doc"))).first?.knownSHA256 == final.sha256)
    }

    @Test func hostFailuresAreToldFromTheDocuments() {
        func kind(_ code: RuleCode, _ message: String) -> HostFailure.Kind? {
            var record = S.record("x", verdict: .fail)
            record.findings = [.init(Finding(code, message))]
            return HostFailure.kind(of: record)
        }
        #expect(kind(.inputUnreadable, "Word 97-2003 文档转换失败：无法准备临时目录（x）") == .host)
        #expect(kind(.inputUnreadable, "服务器暂时无法读取该文件（errno 24），将自动重新核查") == .host)
        #expect(kind(.parserCrashed, "Word 97-2003 文档转换程序无法启动（errno 11）") == .host)
        #expect(kind(.parserCrashed, "PDF 读取程序崩溃（信号 9，可能超过内存上限 512 MB）") == .maybeLoad)
        #expect(kind(.inputTimeout, "PDF 读取超时") == .maybeLoad)
        #expect(kind(.inputUnreadable, "读取文件出错（errno 22）") == nil)
        #expect(kind(.inputUnreadable, "PDF 是扫描件或加密文件，无法提取文字") == nil)
        #expect(kind(.inputTooLarge, "文件过大") == nil)
    }
}
