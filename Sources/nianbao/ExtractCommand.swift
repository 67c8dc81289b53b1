import ArgumentParser
import Foundation
import NianbaoDaemon
import NianbaoFormats
import NianbaoPlatform

/// `nianbao extract FILE`: prints the lines the checker reads from a document,
/// each with its location, so a reader's output can be inspected.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the text lines extracted from a document, with their locations."
    )

    @Argument(help: "A report file.")
    var path: String

    func run() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let converter = LibreOfficeConverter.installed(limits: LibreOfficeConverter.defaultLimits)
        let extraction = DocumentExtractor(legacy: IconvDecoder(), converter: converter).extract(bytes, fileName: path)
        guard let document = extraction.document else {
            print("refused (\(extraction.format.rawValue)): \(extraction.refusal?.message ?? "")")
            throw ExitCode(1)
        }
        for line in document.lines {
            print("\(line.location)\t\(line.text.replacingOccurrences(of: "\t", with: " | "))")
        }
        if extraction.format == .pdf {
            let grid = PDFGridDump.cells(bytes)
            printGrid(grid)
            printScannedCells(grid.scanned)
        }
    }

    /// For a scan: each table cell as OCR read it, with its confidence.
    private func printScannedCells(_ cells: [ScanDump.Cell]) {
        guard !cells.isEmpty else { return }
        print("")
        print("ocr")
        for cell in cells {
            let kind = cell.isNumber ? "number" : "text"
            print("第 \(cell.page) 页 表 \(cell.table) 行 \(cell.row) 列 \(cell.column)\t\(cell.text)\t\(kind) 置信度 \(Int(cell.confidence.rounded()))%")
        }
    }

    /// The ruled tables' cells: page, table, row and column (with spans), and text.
    private func printGrid(_ grid: (cells: [PDFGridDump.Cell], borderlessPages: [Int], scanned: [ScanDump.Cell])) {
        guard !grid.cells.isEmpty || !grid.borderlessPages.isEmpty else { return }
        print("")
        print("grid")
        for cell in grid.cells {
            var place = "第 \(cell.page) 页 表 \(cell.table) 行 \(cell.row) 列 \(cell.column)"
            if cell.rowSpan > 1 || cell.columnSpan > 1 { place += " (\(cell.rowSpan)×\(cell.columnSpan))" }
            print("\(place)\t\(cell.text)")
        }
        for page in grid.borderlessPages {
            print("第 \(page) 页\ttable rows without ruling lines (read by geometry)")
        }
    }
}
