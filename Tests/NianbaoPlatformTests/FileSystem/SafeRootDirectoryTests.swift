import Foundation
import Testing
@testable import NianbaoPlatform

/// A folder opened once and read below many times (`nianbao check DIR`) keeps every
/// guarantee of `SafeFileReader`.
@Suite("SafeRootDirectory")
struct SafeRootDirectoryTests {
    let limit = 1 << 20

    private func withFolder(_ body: (String) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.path + "/nianbao-root-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/a/b", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    @Test func readsFilesAtAnyDepthAsTheReaderDoes() throws {
        try withFolder { root in
            try Data("年报\n".utf8).write(to: URL(fileURLWithPath: root + "/top.txt"))
            try Data("表二\n".utf8).write(to: URL(fileURLWithPath: root + "/a/b/r.txt"))
            let folder = try SafeRootDirectory.open(root).get()
            for name in ["top.txt", "a/b/r.txt", "./a/b/r.txt"] {
                let result = folder.read(name, maxBytes: limit)
                #expect(result == SafeFileReader().read(path: name, within: root, maxBytes: limit), "\(name)")
                guard case .content = result else { Issue.record("\(name): \(result)"); continue }
            }
            // The folder stays usable: the root descriptor is not closed by a read below it.
            #expect(folder.read("a/b/r.txt", maxBytes: limit) == folder.read("a/b/r.txt", maxBytes: limit))
        }
    }

    @Test func refusesEverythingTheReaderRefuses() throws {
        try withFolder { root in
            try FileManager.default.createSymbolicLink(atPath: root + "/etc", withDestinationPath: "/etc")
            try FileManager.default.createSymbolicLink(atPath: root + "/passwd.txt", withDestinationPath: "/etc/passwd")
            #expect(mkfifo(root + "/fifo.txt", 0o644) == 0)
            try Data(repeating: 0x41, count: limit + 1).write(to: URL(fileURLWithPath: root + "/big.txt"))
            let folder = try SafeRootDirectory.open(root).get()
            #expect(folder.read("etc/passwd", maxBytes: limit) == .refused(.outsideRoot))
            #expect(folder.read("../../../etc/passwd", maxBytes: limit) == .refused(.outsideRoot))
            #expect(folder.read("/etc/passwd", maxBytes: limit) == .refused(.outsideRoot))
            #expect(folder.read("passwd.txt", maxBytes: limit) == .refused(.notRegularFile(kind: .symlink)))
            #expect(folder.read("fifo.txt", maxBytes: limit) == .refused(.notRegularFile(kind: .fifo)))
            #expect(folder.read("a", maxBytes: limit) == .refused(.notRegularFile(kind: .directory)))
            #expect(folder.read("big.txt", maxBytes: limit) == .refused(.tooLarge(size: Int64(limit + 1), limit: limit)))
            #expect(folder.read("gone.txt", maxBytes: limit) == .refused(.vanished))
        }
    }

    @Test func aFolderThatCannotBeOpenedSaysWhy() {
        guard case .failure(let refusal) = SafeRootDirectory.open("/nonexistent-\(UUID().uuidString)") else {
            Issue.record("opened a folder that does not exist")
            return
        }
        #expect(refusal == .vanished)
    }
}
