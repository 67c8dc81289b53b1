import Foundation

/// The receipt's JSON twin (`<name>.结果.json`), for programs. Field names are
/// stable and English: `file`, `sha256`, `checked_at` (ISO 8601 with offset),
/// `verdict` (pass / warn / fail / unreadable), `verdict_text` (Chinese),
/// `agency`, `year` (null when unknown), `findings` (each `number`, `code`,
/// `severity`, `message`, `location`, and `settled: {"reason"}` when the office settled
/// it: shown, not counted), errors first as in the text receipt, settled ones last.
public enum ReceiptJSON {
    /// Pretty-printed JSON with sorted keys, UTF-8, ending with a newline.
    public static func render(_ receipt: Receipt) -> String {
        let document = Document(
            file: receipt.file, sha256: receipt.sha256, checkedAt: receipt.clock.iso8601(receipt.checkedAt),
            verdict: receipt.outcome.rawValue, verdictText: receipt.outcome.chinese, agency: receipt.agency,
            year: receipt.year,
            findings: FindingLine.bySeverity(receipt.findings).enumerated().map { index, finding in
                Item(number: index + 1, code: finding.code, severity: finding.severity.rawValue,
                     message: finding.message, location: finding.location, settled: finding.settled.map(Settled.init))
            }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        var file: String
        var sha256: String
        var checkedAt: String
        var verdict: String
        var verdictText: String
        @NullWhenAbsent var agency: String?
        @NullWhenAbsent var year: Int?
        var findings: [Item]

        enum CodingKeys: String, CodingKey {
            case file, sha256, checkedAt = "checked_at", verdict, verdictText = "verdict_text", agency, year, findings
        }
    }

    struct Item: Encodable {
        var number: Int
        var code: String
        var severity: String
        var message: String
        @NullWhenAbsent var location: String?
        /// Absent unless settled.
        var settled: Settled?
    }

    struct Settled: Encodable {
        var reason: String
    }
}
