import Foundation
import Testing
import NianbaoDaemon
import NianbaoEngine
import NianbaoFormats
import NianbaoTestSupport

/// Every report of Tests/Fixtures/office (built by scripts/fixtures/make-office-fixtures.py:
/// official layout in Word, exported by LibreOffice) gives the same verdict and the
/// same finding codes in every form it comes in, and real published PDFs read as
/// their text forms do.
@Suite("Formats: office documents read exactly")
struct OfficeFormInvarianceTests {
    static let reports = [
        "jiangbei-transport-2023", "jiangnan-market-2024", "hongze-2024",
        "jiangbei-transport-2023-total-mutant", "jiangnan-market-2024-table3-mutant",
    ]
    static let checker = ReportChecker()
    /// Under CI LibreOffice is installed by .ci/run: the legacy forms must be checked, not skipped.
    static var converterRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    static var converterInstalled: Bool {
        LibreOfficeConverter.installed(limits: LibreOfficeConverter.defaultLimits) != nil
    }

    static func record(_ path: String) throws -> VerdictRecord {
        checker.check(bytes: try Fixtures.bytes(path), path: path)
    }

    /// Verdict and codes, without the info codes only a text form can carry.
    static func outcome(_ record: VerdictRecord) -> String {
        let codes = Set(record.findings.map(\.code)).subtracting(["text.repaired", "table.extra_columns_ignored"])
        return "\(record.verdict.rawValue) \(codes.sorted().joined(separator: " "))"
    }

    @Test(arguments: reports)
    func everyFormMatchesTheTextForm(_ report: String) throws {
        let text = Self.outcome(try Self.record("office/\(report).txt"))
        for form in ["docx", "pdf", "html"] {
            let record = try Self.record("office/\(report).\(form)")
            #expect(record.format == form)
            #expect(Self.outcome(record) == text, "\(report).\(form)")
        }
        if Self.converterRequired { #expect(Self.converterInstalled, "CI installs libreoffice-writer-nogui") }
        guard Self.converterInstalled else { return }
        let record = try Self.record("office/\(report).doc")
        #expect(record.format == "doc")
        #expect(Self.outcome(record) == text, "\(report).doc")
    }

    @Test(arguments: ["wps", "odt", "rtf"])
    func otherLegacyFormsConvert(_ form: String) throws {
        if Self.converterRequired { #expect(Self.converterInstalled, "CI installs libreoffice-writer-nogui") }
        guard Self.converterInstalled else { return }
        let record = try Self.record("office/jiangbei-transport-2023.\(form)")
        #expect(record.format == form)
        #expect(Self.outcome(record) == "pass ")
    }

    @Test func arithmeticMutantsFailInEveryForm() throws {
        for report in Self.reports where report.hasSuffix("mutant") {
            for form in ["txt", "docx", "pdf", "html"] {
                #expect(try Self.record("office/\(report).\(form)").verdict == .fail, "\(report).\(form)")
            }
        }
    }

    @Test func realPDFsReadAsTheirTextForms() throws {
        for year in [2023, 2024] {
            let pdf = try Self.record("real-pdfs/huaian_hongze_\(year).pdf")
            let text = try Self.record("samples/huaian_hongze_\(year).txt")
            #expect(Self.outcome(pdf) == Self.outcome(text), "\(year)")
        }
        let pdf2024 = try Self.record("real-pdfs/huaian_hongze_2024.pdf")
        #expect(pdf2024.verdict == .warn)
        let pdf2023 = try Self.record("real-pdfs/huaian_hongze_2023.pdf")
        #expect(pdf2023.verdict == .fail)
        #expect(pdf2023.findings.filter { $0.severity == "error" }.map(\.code) == ["table3.group_total", "table3.group_total"])
    }

    @Test func pdfFindingsNamePageAndLineDocxFindingsNameTableAndRow() throws {
        let pattern = /^第 \d+ 页第 \d+ 行$/
        for path in ["real-pdfs/huaian_hongze_2023.pdf", "real-pdfs/huaian_hongze_2024.pdf",
                     "office/jiangbei-transport-2023-total-mutant.pdf"] {
            for finding in try Self.record(path).findings where finding.code != "date.signature_missing" {
                let location = try #require(finding.location, "\(path) \(finding.code)")
                #expect(location.wholeMatch(of: pattern) != nil, "\(path) \(finding.code) \(location)")
            }
        }
        let docx = try Self.record("office/jiangbei-transport-2023-total-mutant.docx")
        let rowSum = try #require(docx.findings.first { $0.code == "table2.row_sum" })
        #expect(rowSum.location?.wholeMatch(of: /^表 \d+ 第 \d+ 行$/) != nil)
    }
}
