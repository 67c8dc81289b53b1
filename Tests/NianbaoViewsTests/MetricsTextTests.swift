import Foundation
import Testing
@testable import NianbaoViews

/// The textfile-collector file: valid and lint-clean for the real `promtool`,
/// hostile label values escaped, histogram buckets cumulative.
struct MetricsTextTests {
    static let hostileDrop = "a\"b\\c\nd 淮安\u{7}"

    static var snapshot: MetricsSnapshot {
        var fsync = FsyncHistogram()
        for milliseconds in [0.2, 0.7, 0.9, 3, 4, 12, 40, 700, 15_000] { fsync.record(seconds: milliseconds / 1000) }
        fsync.record(.microseconds(300))
        return MetricsSnapshot(
            reports: [
                .init(verdict: "pass", drop: "huaian"), .init(verdict: "fail", drop: "huaian"),
                .init(verdict: "warn", drop: hostileDrop), .init(verdict: "refused", drop: "洪泽区"),
            ].enumerated().reduce(into: [:]) { $0[$1.element] = $1.offset * 7 + 3 },
            findings: ["table2.balance": 12, "section6.fee_statement_missing": 40, "x\"\\\n": 1],
            queueDepth: 5,
            lastVerdictAt: Date(timeIntervalSince1970: 1_706_148_000.25),
            judgedTotal: 12_345,
            refusedTotal: ["unreadable": 3, "too_large": 1, "格式\"不支持\"": 2],
            watchDirectories: 17,
            journalFsync: fsync,
            rosterMissing: [2023: 8, 2022: 0]
        )
    }

    @Test func promtoolAcceptsTheFileWithoutLintProblems() throws {
        guard let promtool = ExternalTool.required("promtool", package: "prometheus") else { return }
        let text = MetricsText.render(Self.snapshot)
        try Artefacts.keep(Data(text.utf8), as: "nianbao.prom")
        let run = try promtool.run(["check", "metrics"], stdin: Data(text.utf8))
        #expect(run.status == 0, "promtool: \(run.stderr) \(run.text)")
        #expect(run.text.isEmpty && run.stderr.isEmpty, "lint output: \(run.stderr) \(run.text)")
    }

    @Test func promtoolWouldCatchABrokenFile() throws {
        // Control: an unescaped quote and a gauge named like a counter are reported.
        guard let promtool = ExternalTool.required("promtool", package: "prometheus") else { return }
        let broken = try promtool.run(["check", "metrics"], stdin: Data("nianbao_reports{drop=\"a\"b\"} 1\n".utf8))
        #expect(broken.status != 0)
        let lint = try promtool.run(["check", "metrics"], stdin: Data("# HELP x_total x\n# TYPE x_total gauge\nx_total 1\n".utf8))
        #expect(lint.status != 0, "a gauge ending in _total is against the conventions")
    }

    @Test func labelValuesAreEscaped() {
        let text = MetricsText.render(Self.snapshot)
        #expect(text.contains(#"nianbao_reports{verdict="warn",drop="a\"b\\c\nd 淮安\#u{7}"} 17"#))
        #expect(text.contains(#"nianbao_findings{code="x\"\\\n"} 1"#))
        #expect(text.contains(#"nianbao_refused_total{reason="格式\"不支持\""} 2"#))
        // No sample line is broken by a raw newline: every line is a comment or "name… value".
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            #expect(line.hasPrefix("nianbao_"), "stray line: \(line)")
        }
    }

    @Test func histogramIsCumulativeInSeconds() {
        let text = MetricsText.render(Self.snapshot)
        #expect(text.contains("# TYPE nianbao_journal_fsync_seconds histogram\n"))
        #expect(text.contains(#"nianbao_journal_fsync_seconds_bucket{le="0.0005"} 2"#))
        #expect(text.contains(#"nianbao_journal_fsync_seconds_bucket{le="0.001"} 4"#))
        #expect(text.contains(#"nianbao_journal_fsync_seconds_bucket{le="0.005"} 6"#))
        #expect(text.contains(#"nianbao_journal_fsync_seconds_bucket{le="1.0"} 9"#))
        #expect(text.contains(#"nianbao_journal_fsync_seconds_bucket{le="10.0"} 9"#))
        #expect(text.contains(#"nianbao_journal_fsync_seconds_bucket{le="+Inf"} 10"#))
        #expect(text.contains("nianbao_journal_fsync_seconds_count 10\n"))
        let sum = text.split(separator: "\n").first { $0.hasPrefix("nianbao_journal_fsync_seconds_sum ") }
        let value = sum.flatMap { Double($0.split(separator: " ")[1]) } ?? -1
        #expect(abs(value - 15.7611) < 1e-9)
    }

    @Test func namesFollowTheConventions() {
        let text = MetricsText.render(Self.snapshot)
        #expect(text.contains("# TYPE nianbao_findings gauge\n"))
        #expect(!text.contains("nianbao_findings_total"), "a gauge of current findings has no _total suffix")
        #expect(text.contains("# TYPE nianbao_judged_total counter\nnianbao_judged_total 12345\n"))
        #expect(text.contains("nianbao_last_verdict_timestamp_seconds 1706148000.25\n"))
        #expect(text.contains("nianbao_queue_depth 5\n"))
        #expect(text.contains("nianbao_watch_directories 17\n"))
        #expect(text.contains("nianbao_roster_missing{year=\"2022\"} 0\nnianbao_roster_missing{year=\"2023\"} 8\n"))
    }

    @Test func withoutARosterOrAVerdictThoseFamiliesAreLeftOut() throws {
        var snapshot = Self.snapshot
        snapshot.rosterMissing = nil
        snapshot.lastVerdictAt = nil
        let text = MetricsText.render(snapshot)
        #expect(!text.contains("nianbao_roster_missing"))
        #expect(!text.contains("nianbao_last_verdict_timestamp_seconds"))
        #expect(MetricsText.render(snapshot) == text, "the same state gives the same bytes")
        guard let promtool = ExternalTool.required("promtool", package: "prometheus") else { return }
        let empty = MetricsSnapshot(reports: [:], findings: [:], queueDepth: 0, lastVerdictAt: nil, judgedTotal: 0,
                                    refusedTotal: [:], watchDirectories: 0, journalFsync: FsyncHistogram())
        let run = try promtool.run(["check", "metrics"], stdin: Data(MetricsText.render(empty).utf8))
        #expect(run.status == 0 && run.text.isEmpty && run.stderr.isEmpty, "empty state: \(run.stderr) \(run.text)")
    }
}
