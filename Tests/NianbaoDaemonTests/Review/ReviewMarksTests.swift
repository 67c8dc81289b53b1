import Foundation
@testable import NianbaoDaemon
import NianbaoEngine
import Testing

/// Review marks: what a mark is keyed by, the marks file's durability contract, and the
/// file state judging a report again when the marks change.
@Suite struct ReviewMarksTests {
    static let agency = "淮安市洪泽区人民政府"
    static let blank = VerdictRecord.FindingRecord(
        code: "table.cell_blank", severity: "warning", message: "表二 法人或其他组织 5 列 × 25 行为空（共 125 格），应填写数字（无则填 0）",
        location: "第 80 行")
    static let sum = VerdictRecord.FindingRecord(
        code: "table2.row_sum", severity: "warning", message: "表二 （七）总计 · 自然人：应为 3，实为 0", location: "第 91 行")

    static func record(_ findings: [VerdictRecord.FindingRecord], path: String = "r.txt", sha: String = "aaa") -> VerdictRecord {
        var record = S.record(path, sha: sha, verdict: VerdictRecord.verdict(of: findings))
        record.agency = agency
        record.year = 2023
        record.findings = findings
        return record
    }

    static func mark(_ finding: VerdictRecord.FindingRecord, _ op: ReviewMark.Operation = .settle, agency: String = agency) -> ReviewMark {
        ReviewMark(op: op, agency: agency, year: 2023, finding: finding, reason: op == .settle ? "已核对原表" : "", time: "2024-02-01T08:00:00Z")
    }

    @Test func theVerdictPassesOnceEveryFindingIsSettledAndEachStaysShown() {
        let record = Self.record([Self.blank, Self.sum])
        #expect(record.verdict == .warn)
        let one = record.settling(with: ReviewMarks([Self.mark(Self.blank)]))
        #expect(one.verdict == .warn && one.findings.count == 2)
        #expect(one.findings[0].settled == .init(reason: "已核对原表", time: "2024-02-01T08:00:00Z"))
        let both = record.settling(with: ReviewMarks([Self.mark(Self.blank), Self.mark(Self.sum)]))
        #expect(both.verdict == .pass && both.findings.count == 2 && both.findings.allSatisfy { $0.settled != nil })
        // An error settled makes fail go to what the rest says.
        var error = Self.sum
        error.severity = "error"
        #expect(Self.record([error, Self.blank]).settling(with: ReviewMarks([Self.mark(error)])).verdict == .warn)
        // Taken back: the settlement goes, the verdict comes back.
        let back = both.settling(with: ReviewMarks([Self.mark(Self.blank), Self.mark(Self.sum), Self.mark(Self.sum, .unsettle)]))
        #expect(back.verdict == .warn && back.findings[1].settled == nil && back.findings[0].settled != nil)
    }

    /// The key: agency as matched across years, year, code, message; not the line number.
    @Test func aMarkSurvivesAMovedLineAndAnotherNameButNotAChangedValue() {
        let marks = ReviewMarks([Self.mark(Self.sum, agency: "洪泽区人民政府")])
        var moved = Self.sum
        moved.location = "第 95 行"
        #expect(Self.record([moved]).settling(with: marks).verdict == .pass, "another line, the agency named in full")
        var changed = Self.sum
        changed.message = "表二 （七）总计 · 自然人：应为 4，实为 0"
        #expect(Self.record([changed]).settling(with: marks).verdict == .warn, "the cell's value changed")
        var nextYear = Self.record([Self.sum])
        nextYear.year = 2024
        #expect(nextYear.settling(with: marks).verdict == .warn, "another year's report")
    }

    @Test func theMarksFileIsAppendOnlyAndToleratesATornTail() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("marks-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = MarksFile(path: folder + "/marks.jsonl")
        #expect(try file.read().marks.isEmpty, "no file: no marks")
        try file.append(Self.mark(Self.blank))
        try file.append(Self.mark(Self.sum))
        // A crash in the middle of a line: the reader skips it, the next writer cuts it off.
        let handle = try #require(FileHandle(forWritingAtPath: file.path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"op":"settle","agency":"x","#.utf8))
        try handle.close()
        let (torn, unreadable) = try file.read()
        #expect(torn.sorted.map(\.code) == ["table.cell_blank", "table2.row_sum"].sorted() && unreadable == 0)
        try file.append(Self.mark(Self.blank, .unsettle))
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 3 && text.hasSuffix("\n") && !text.contains(#""agency":"x","#))
        #expect(try file.read().marks.sorted.map(\.code) == ["table2.row_sum"])
        // A hand-edited line that is not a mark is skipped and counted.
        try (text + "not json\n").write(toFile: file.path, atomically: false, encoding: .utf8)
        #expect(try file.read().unreadable == 1)
    }

    /// The journal line: `settled` on the finding only when settled, so earlier readers
    /// (which ignore unknown keys) and this one read both.
    @Test func theJournalLineCarriesTheSettlementAndReadsBack() throws {
        let record = Self.record([Self.blank, Self.sum]).settling(with: ReviewMarks([Self.mark(Self.blank)]))
        let line = JSONLine.string(record)
        #expect(line.contains(#""settled":{"reason":"已核对原表","time":"2024-02-01T08:00:00Z"},"severity":"warning""#))
        #expect(line.components(separatedBy: "\"settled\"").count == 2, "absent from the finding that counts")
        #expect(try JSONDecoder().decode(VerdictRecord.self, from: Data(line.utf8)) == record)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        #expect(Array(line.utf8) == Array(try encoder.encode(record)), "JSONWriter and Encodable agree")
    }

    /// The file state: a change of the marks judges the affected idle report again (its
    /// content unchanged, so the job carries no known hash), and its new verdict is settled.
    @Test func changedMarksJudgeTheAffectedReportAgain() {
        let key = S.key("r.txt"), other = S.key("o.txt")
        var state = S.state(current: [key: Self.record([Self.sum]), other: Self.record([Self.blank], path: "o.txt")])
        let marks = ReviewMarks([Self.mark(Self.sum)])
        let effects = state.apply(.marksChanged(marks))
        #expect(effects.reads == ["r.txt"], "only the report the mark applies to")
        guard case .read(let job)? = effects.first(where: { if case .read = $0 { true } else { false } }) else { return }
        #expect(job.knownSHA256 == nil, "judged although unchanged")
        let judged = state.apply(.judged(job, .verdict(Self.record([Self.sum]))))
        let appended = try! #require(judged.appends.first)
        #expect(appended.1.verdict == .pass && appended.1.findings[0].settled != nil && appended.1.event == .changed)
        _ = state.apply(.appended(key, appended.1, line: []))
        #expect(state.current[key]?.verdict == .pass)
        // The same marks again: nothing to do.
        #expect(state.apply(.marksChanged(marks)).reads.isEmpty)
        // A busy report gets the marks once idle.
        _ = state.apply(S.moved("o.txt"))
        let busy = state.apply(.marksChanged(ReviewMarks([Self.mark(Self.sum), Self.mark(Self.blank)])))
        #expect(busy.reads.isEmpty)
        let unchanged = state.apply(.judged(S.job("o.txt", sha: "aaa"), .unchanged))
        #expect(unchanged.reads == ["o.txt"], "judged again once idle")
    }
}
