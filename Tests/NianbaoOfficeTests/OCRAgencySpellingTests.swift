import Testing
import NianbaoEngine
@testable import NianbaoOffice

/// An OCR'd agency name close to one roster name takes the roster's spelling.
@Suite("Office: OCR'd agency names against the roster")
struct OCRAgencySpellingTests {
    static let roster = Roster(entries: [
        RosterEntry(name: "江北市交通运输局", level: .department),
        RosterEntry(name: "江北市交通运输局办公室", level: .department),
        RosterEntry(name: "江南市市场监督管理局", level: .department),
        RosterEntry(name: "淮安市洪泽区人民政府", level: .county),
        RosterEntry(name: "江北市财政局", level: .department),
        RosterEntry(name: "江北市民政局", level: .department),
    ])

    @Test(arguments: [
        ("江北市交通运输2", "江北市交通运输局"),       // last character misread
        ("江南市市场监督管埋局", "江南市市场监督管理局"), // one character in the middle
        ("淮安市洪泽区人民政俯", "淮安市洪泽区人民政府"),
        ("江北市交通运输局", "江北市交通运输局"),       // matched already: as read
        ("江北市才政局", "江北市才政局"),               // as close to 财政局 as to 民政局: as read
        ("湖东县教育体育局", "湖东县教育体育局"),       // close to nothing: as read
    ])
    func ocrNamesTakeTheRostersSpelling(read: String, expected: String) {
        #expect(OCRAgencySpelling.corrected(read, roster: Self.roster) == expected)
    }
}
