import Testing
@testable import NianbaoPlatform

/// No name in a drop folder can take another report's place in a mirrored tree:
/// report files always end in a suffix, folders never do, distinct paths get
/// distinct places.
@Suite struct MirrorLayoutTests {
    static let status = MirrorLayout(fileSuffixes: [".json"])
    static let receipts = MirrorLayout(fileSuffixes: [".结果.txt", ".结果.json"])

    @Test func foldersEndingInASuffixOrTheMarkGetTheMark() {
        #expect(Self.status.folderName("2024") == "2024")
        #expect(Self.status.folderName("a.txt.json") == "a.txt.json~")
        #expect(Self.status.folderName("x~") == "x~~")
        #expect(Self.status.folderName("deep") == "deep")
        #expect(Self.receipts.folderName("a.txt.结果.txt") == "a.txt.结果.txt~")
        #expect(Self.receipts.folderName("a.txt.结果.json") == "a.txt.结果.json~")
        #expect(Self.receipts.folderName("a.txt.json") == "a.txt.json", "only the tree's own suffixes")
    }

    /// Every path of a hostile set gets its own place, and no report file is a folder of another.
    @Test func placesAreDistinctAndFilesNeverMeetFolders() {
        let long = String(repeating: "年", count: 83) + ".txt"
        let lookalike = String(LongFileName.named(long, suffix: ".json").dropLast(5))
        let names = ["a.txt", "a.txt.json", "a.txt.json~", "a.txt~", "x", "x~", "x~~", "deep", "deep~", long, lookalike]
        for layout in [Self.status, Self.receipts] {
            var files: Set<String> = []
            var folders: Set<String> = []
            for name in names {
                let file = layout.place([name]).map { $0.stem + layout.fileSuffixes[0] } ?? ""
                #expect(files.insert(file).inserted, "\(name) → \(file)")
                for sub in names {
                    let placed = layout.place([name, sub])
                    #expect(placed?.folders.count == 1)
                    if let folder = placed?.folders.first { folders.insert(folder) }
                }
            }
            #expect(files.isDisjoint(with: folders))
            #expect(folders.count == names.count, "one folder per name")
            #expect(!folders.contains(MirrorLayout.deepFolder))
            #expect(folders.allSatisfy { folder in !layout.fileSuffixes.contains { folder.hasSuffix($0) } })
        }
    }

    @Test func aNameLookingShortenedIsShortenedToo() {
        let long = String(repeating: "年", count: 83) + ".txt"
        let shortened = String(LongFileName.named(long, suffix: ".json").dropLast(5))
        #expect(LongFileName.looksShortened(shortened))
        #expect(LongFileName.stem(shortened, suffixBytes: 5) != shortened, "an uploader's lookalike gets its own hash")
        #expect(!LongFileName.looksShortened("报告~2024.txt"))
    }

    @Test func pathsTooDeepGoFlatIntoDeep() {
        let components = (0..<45).map { String(repeating: "d", count: 99) + "\($0 % 10)" } + ["r.txt"]
        let placed = Self.status.place(components)
        #expect(placed?.folders == [MirrorLayout.deepFolder])
        #expect((placed?.stem.utf8.count ?? 999) <= 120)
        var other = components
        other[3] = String(repeating: "e", count: 100)
        #expect(Self.status.place(other)?.stem != placed?.stem, "the whole path's hash")
        // Shallow enough: mirrored as it is; the prefix above counts.
        let shallow = Array(components.prefix(30)) + ["r.txt"]
        #expect(Self.status.place(shallow)?.folders.count == 30)
        #expect(MirrorLayout(fileSuffixes: [".json"], prefixBytes: 1_200).place(shallow)?.folders == [MirrorLayout.deepFolder])
    }
}
