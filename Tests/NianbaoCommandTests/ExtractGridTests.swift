import Foundation
import Testing
import NianbaoTestSupport

/// The real `nianbao extract` on a ruled PDF prints the cell grid: every cell with
/// its page, table, row and column, merged cells with their spans.
@Suite("Command: nianbao extract shows the PDF grid", .offPool)
struct ExtractGridTests {
    @Test func gridCellsHaveRowAndColumn() throws {
        let path = Fixtures.directory + "/office/jiangbei-transport-2023.pdf"
        let result = try Subprocess.run([Binaries.directory + "/nianbao", "extract", path])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        let grid = try #require(lines.firstIndex(of: "grid"))
        let cells = lines[(grid + 1)...]
        #expect(cells.contains("第 2 页 表 2 行 6 列 1 (18×1)\t三、本年度办理结果"), "\(cells.prefix(60))")
        #expect(cells.contains("第 2 页 表 2 行 11 列 3\t4.保护第三方合法权益"))
        #expect(!cells.contains { $0.contains("without ruling lines") })
    }
}
