import Testing
import NianbaoPlatform
import NianbaoTestSupport

@Suite("Inotify TemporaryNames")
struct InotifyTemporaryNamesTests {
    @Test(arguments: [".hidden", ".~lock.report.docx#", "~$report.docx", "x.tmp", "x.TMP", "x.part",
                      "x.filepart", ".x.swp", "x.swp", "x.crdownload"])
    func temporaryNames(_ name: String) {
        #expect(TemporaryNames.isTemporary(name))
    }

    @Test(arguments: ["report.docx", "2024年报.pdf", "tmp", "part.txt", "x.tmp.txt", "~report.docx"])
    func finalNames(_ name: String) {
        #expect(!TemporaryNames.isTemporary(name))
    }
}
