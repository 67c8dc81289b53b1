import Foundation
import NianbaoEngine

/// The marks in force: the marks file replayed, the last line for each finding winning.
/// Pure: reading and writing the file is ``MarksFile``'s.
public struct ReviewMarks: Sendable, Hashable {
    /// The settle lines in force, by the finding they settle.
    public private(set) var inForce: [ReviewMark.Key: ReviewMark] = [:]

    public init() {}

    /// The marks of these lines, in order.
    public init(_ marks: [ReviewMark]) {
        for mark in marks { apply(mark) }
    }

    /// Takes in one line.
    public mutating func apply(_ mark: ReviewMark) {
        switch mark.op {
        case .settle: inForce[mark.key] = mark
        case .unsettle: inForce.removeValue(forKey: mark.key)
        }
    }

    public var isEmpty: Bool { inForce.isEmpty }

    /// The marks in force, in a stable order (agency, year, code).
    public var sorted: [ReviewMark] { inForce.sorted { $0.key < $1.key }.map(\.value) }

    /// The settlement of a finding of a report by `agency` for `year`, if a mark is in force.
    public func settlement(agency: String, year: Int, _ finding: VerdictRecord.FindingRecord) -> VerdictRecord.FindingRecord.Settlement? {
        guard !inForce.isEmpty, let mark = inForce[ReviewMark.key(agency: agency, year: year, finding: finding)] else { return nil }
        return .init(reason: mark.reason, time: mark.time)
    }

    /// Parses the marks file's bytes. A line that is not a mark (a torn last line
    /// left by a crash, a hand edit gone wrong) is skipped and counted.
    public static func parse(_ bytes: [UInt8]) -> (marks: ReviewMarks, unreadable: Int) {
        var marks = ReviewMarks()
        var unreadable = 0
        let decoder = JSONDecoder()
        var start = 0
        for i in bytes.indices where bytes[i] == 0x0A {
            defer { start = i + 1 }
            if i == start { continue }
            if let mark = try? decoder.decode(ReviewMark.self, from: Data(bytes[start..<i])) {
                marks.apply(mark)
            } else {
                unreadable += 1
            }
        }
        // Bytes after the last newline are a line still being written, or torn: not a mark yet.
        return (marks, unreadable)
    }
}

extension VerdictRecord {
    /// The record with each finding settled as `marks` say (settlements no longer in
    /// force removed) and its verdict made from the findings that count. A record
    /// without agency or year cannot be marked and is returned as it is.
    public func settling(with marks: ReviewMarks) -> VerdictRecord {
        guard let agency, let year else { return self }
        let findings = self.findings.map { finding in
            var finding = finding
            finding.settled = marks.settlement(agency: agency, year: year, finding)
            return finding
        }
        guard findings != self.findings else { return self }
        var record = self
        record.findings = findings
        record.verdict = Self.verdict(of: findings)
        return record
    }

    /// fail if any counting error, else warn if any counting warning, else pass
    /// (settled findings do not count).
    public static func verdict(of findings: [FindingRecord]) -> Verdict {
        let severities = Set(findings.lazy.filter(\.counts).map(\.severity))
        return severities.contains(Severity.error.rawValue) ? .fail
            : severities.contains(Severity.warning.rawValue) ? .warn : .pass
    }

    /// Number of findings that count (are not settled) of a severity.
    public func countInForce(_ severity: Severity) -> Int {
        findings.reduce(0) { $0 + ($1.counts && $1.severity == severity.rawValue ? 1 : 0) }
    }
}
