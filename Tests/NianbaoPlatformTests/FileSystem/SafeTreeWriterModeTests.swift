import Foundation
import Testing
@testable import NianbaoPlatform

/// Modes are exact whatever the umask, and folders made in a setgid folder keep its
/// group and setgid bit (the receipts directory: 2750 nianbao:nianbao-drop).
@Suite struct SafeTreeWriterModeTests {
    @Test func modesAreExactEvenWhereTheUmaskWouldNarrowThem() throws {
        let scratch = try ScratchTree()
        // 0770 and 0666 are narrowed by the usual umask 022; the writer sets them exactly.
        let writer = SafeTreeWriter(
            root: scratch.path + "/tree", folderPermissions: [.ownerReadWriteExecute, .groupReadWriteExecute],
            filePermissions: [.ownerReadWrite, .groupReadWrite, .otherReadWrite])
        try writer.write(Array("x".utf8), to: ["a", "b", "f"])
        let batch = writer.batch(tagged: Int.self)
        batch.add(Array("y".utf8), at: ["a", "c", "g"], tag: 0)
        #expect(batch.commit().isEmpty)
        for folder in ["tree/a", "tree/a/b", "tree/a/c"] { #expect(scratch.info(folder).map { $0.st_mode & 0o7777 } == 0o770, "\(folder)") }
        for file in ["tree/a/b/f", "tree/a/c/g"] { #expect(scratch.info(file).map { $0.st_mode & 0o7777 } == 0o666, "\(file)") }

        let defaults = SafeTreeWriter(root: scratch.path + "/plain")
        try defaults.write(Array("z".utf8), to: ["d", "f"])
        #expect(scratch.info("plain/d").map { $0.st_mode & 0o7777 } == 0o750)
        #expect(scratch.info("plain/d/f").map { $0.st_mode & 0o7777 } == 0o640)
    }

    @Test func foldersInASetgidRootInheritItsGroupAndBit() throws {
        let scratch = try ScratchTree()
        let root = scratch.path + "/receipts"
        #expect(mkdir(root, 0o750) == 0)
        // Another group where the test may give one (as root); else its own: the bit carries it either way.
        _ = chown(root, uid_t.max, 65_534)
        #expect(chmod(root, 0o2750) == 0)
        let group = try #require(scratch.info("receipts")).st_gid
        let writer = SafeTreeWriter(root: root)
        try writer.write(Array("收据".utf8), to: ["drop", "a", "r.txt.结果.txt"])
        for folder in ["receipts/drop", "receipts/drop/a"] {
            let info = try #require(scratch.info(folder))
            #expect(info.st_mode & 0o7777 == 0o2750, "\(folder): \(String(info.st_mode & 0o7777, radix: 8))")
            #expect(info.st_gid == group, "\(folder)")
        }
        let file = try #require(scratch.info("receipts/drop/a/r.txt.结果.txt"))
        #expect(file.st_mode & 0o7777 == 0o640 && file.st_gid == group)
    }
}
