import Testing
@testable import NianbaoDaemon

/// A journal the daemon may not write (EPERM, EACCES) is said as a permission
/// problem, not as a full disk: the operator's fix differs.
@Suite struct StorageProblemTests {
    @Test(arguments: [
        ("Operation not permitted", "无权写入判定日志（权限不足）：1 份报告待写入 · watching 1 folder · queue 1"),
        ("Permission denied", "无权写入判定日志（权限不足）：1 份报告待写入 · watching 1 folder · queue 1"),
        ("No space left on device", "磁盘空间不足：1 份报告待写入 · watching 1 folder · queue 1"),
        ("Disk quota exceeded", "磁盘空间不足：1 份报告待写入 · watching 1 folder · queue 1"),
        ("Input/output error", "判定日志无法写入：1 份报告待写入 · watching 1 folder · queue 1"),
    ])
    func theStatusLineAndTheNoticeNameTheProblem(error: String, line: String) {
        var state = D.state()
        _ = state.arrive("held.txt", at: .zero)
        let appends = state.apply(.drop(.judged(S.job("held.txt"), .verdict(S.record("held.txt")))), now: .zero).works.appends
        let failed = state.apply(.drop(.appendFailed(appends[0].0, appends[0].1, error: error)), now: .zero)
        #expect(state.statusLine == line)
        let notice = failed.notices.first { if case .storageDegraded = $0 { true } else { false } }
        let text = notice.map(NoticeText.chinese) ?? ""
        #expect(text.hasPrefix(String(line.prefix { $0 != "：" })), "\(text)")
        if StorageProblem(error: error) == .permission { #expect(!text.contains("磁盘空间不足")) }
    }

    /// Once everything held is written, the line no longer names a storage problem.
    @Test func recoveryClearsTheProblem() {
        var state = D.state()
        _ = state.arrive("held.txt", at: .zero)
        let appends = state.apply(.drop(.judged(S.job("held.txt"), .verdict(S.record("held.txt")))), now: .zero).works.appends
        _ = state.apply(.drop(.appendFailed(appends[0].0, appends[0].1, error: "Operation not permitted")), now: .zero)
        _ = state.apply(.drop(.appended(appends[0].0, appends[0].1, line: Array("{}".utf8))), now: D.s(1))
        #expect(state.statusLine == "watching 1 folder · 1 reports: 1 pass, 0 warn, 0 fail · queue 0")
        #expect(state.drop.storageError == nil)
    }
}
