import Foundation
import Testing
import NianbaoDaemon
import NianbaoEngine
import NianbaoFormats
import NianbaoOffice
import NianbaoTestSupport

/// The seeded office variants of Tests/Fixtures/seeds (scripts/fixtures/make-office-fixtures.py
/// --seeds 50: label widths, fonts and sizes, cell padding, hairline, thin, thick, grey, double and
/// dashed rules, tables without outer side rules, wraps and page breaks, exported by LibreOffice)
/// read from their ruled grids exactly as their text forms: the same verdict, the same codes
/// and the same table values, cell for cell.
@Suite("Formats: seeded PDF variants read as their text forms")
struct SeededPDFTests {
    static let seeds = Array(0..<50)

    static func record(_ path: String) throws -> VerdictRecord {
        try OfficeFormInvarianceTests.record(path)
    }

    @Test(arguments: seeds)
    func seedReadsAsItsTextForm(_ seed: Int) throws {
        let name = "seeds/seed-\(seed < 10 ? "0" : "")\(seed)"
        let text = try Self.record("\(name).txt")
        let pdf = try Self.record("\(name).pdf")
        #expect(pdf.format == "pdf")
        #expect(OfficeFormInvarianceTests.outcome(pdf) == OfficeFormInvarianceTests.outcome(text), "\(name)")
        #expect(pdf.tables != nil, "\(name)")
        #expect(pdf.tables == text.tables, "\(name)")
        // The title, wrapped over two lines in large type, is one title: the agency is whole.
        #expect(pdf.agency != nil && pdf.agency == text.agency && pdf.year == text.year, "\(name): \(pdf.agency ?? "-")")
    }

    /// Every committed PDF with a text twin gives its twin's table values, cell for cell.
    @Test(arguments: [
        ("office/jiangbei-transport-2023.pdf", "office/jiangbei-transport-2023.txt"),
        ("office/jiangnan-market-2024.pdf", "office/jiangnan-market-2024.txt"),
        ("office/hongze-2024.pdf", "office/hongze-2024.txt"),
        ("office/jiangbei-transport-2023-total-mutant.pdf", "office/jiangbei-transport-2023-total-mutant.txt"),
        ("office/jiangnan-market-2024-table3-mutant.pdf", "office/jiangnan-market-2024-table3-mutant.txt"),
        ("real-pdfs/huaian_hongze_2023.pdf", "samples/huaian_hongze_2023.txt"),
        ("real-pdfs/huaian_hongze_2024.pdf", "samples/huaian_hongze_2024.txt"),
        // WPS-shaped: 第二十条 | 第（X）项 in two cells, （六）'s labels wrapped in a narrow column.
        ("wps/hongze-2024-wps.pdf", "wps/hongze-2024-wps.txt"),
        ("wps/jiangnan-market-2024-wps.pdf", "wps/jiangnan-market-2024-wps.txt"),
        ("wps/hongze-2024-wps.docx", "wps/hongze-2024-wps.txt"),
        ("wps/jiangnan-market-2024-wps.docx", "wps/jiangnan-market-2024-wps.txt"),
    ])
    func committedPDFTablesEqualTheirTextForms(_ pair: (pdf: String, text: String)) throws {
        let pdf = try Self.record(pair.pdf)
        let text = try Self.record(pair.text)
        #expect(OfficeFormInvarianceTests.outcome(pdf) == OfficeFormInvarianceTests.outcome(text), "\(pair.pdf)")
        #expect(pdf.tables != nil, "\(pair.pdf)")
        #expect(pdf.tables == text.tables, "\(pair.pdf)")
        #expect(pdf.agency == text.agency, "\(pair.pdf): \(pdf.agency ?? "-")")
    }

    /// A borderless PDF (no ruling lines; read by geometry) gives its text form's values;
    /// only table 1's column headings, wrapped in their narrow cells, may come apart.
    @Test func borderlessPDFValuesEqualTheTextForm() throws {
        var pdf = try Self.record("formats/clean-2021.pdf")
        let text = try Self.record("formats/clean-2021.txt")
        let borderless = pdf.findings.filter { $0.code == "pdf.borderless_table" }
        #expect(borderless.count == 1 && borderless.first?.severity == "info", "\(pdf.findings.map(\.code))")
        pdf.findings.removeAll { $0.code == "pdf.borderless_table" }
        #expect(OfficeFormInvarianceTests.outcome(pdf) == OfficeFormInvarianceTests.outcome(text))
        func values(_ tables: TablesRecord?) -> TablesRecord? {
            guard var tables else { return nil }
            for index in tables.table1?.blocks.indices ?? 0..<0 { tables.table1?.blocks[index].columns = [] }
            return tables
        }
        #expect(values(pdf.tables) != nil)
        #expect(values(pdf.tables) == values(text.tables))
    }
}
