import Foundation
import Testing
@testable import NianbaoPlatform
import NianbaoTestSupport

@Suite("SafeFileReader")
struct SafeFileReaderTests {
    let reader = SafeFileReader()
    let limit = 50 * 1024 * 1024

    private func withFolder(_ body: (String) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.path + "/nianbao-reader-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    @Test func readsARegularFileWithItsIdentity() throws {
        try withFolder { root in
            try FileManager.default.createDirectory(atPath: root + "/a/b", withIntermediateDirectories: true)
            try Data("年报 2024\n".utf8).write(to: URL(fileURLWithPath: root + "/a/b/r.txt"))
            let result = reader.read(path: "a/b/r.txt", within: root, maxBytes: limit)
            guard case .content(let bytes, let identity) = result else {
                Issue.record("unexpected \(result)")
                return
            }
            #expect(bytes == Array("年报 2024\n".utf8))
            #expect(identity == reader.identity(path: root + "/a/b/r.txt"))
            #expect(identity.kind == .regular)
            #expect(identity.size == Int64(bytes.count))
            // The same file by absolute path under the root.
            #expect(reader.read(path: root + "/a/b/r.txt", within: root + "/", maxBytes: limit) == result)
        }
    }

    @Test func emptyFileHasEmptyContent() throws {
        try withFolder { root in
            #expect(FileManager.default.createFile(atPath: root + "/empty.txt", contents: nil))
            guard case .content(let bytes, _) = reader.read(path: "empty.txt", within: root, maxBytes: limit) else {
                Issue.record("empty file not read")
                return
            }
            #expect(bytes.isEmpty)
        }
    }

    @Test func fifoIsRefusedWithoutBlocking() throws {
        try withFolder { root in
            #expect(mkfifo(root + "/pipe", 0o644) == 0)
            let start = ContinuousClock.now
            #expect(reader.read(path: "pipe", within: root, maxBytes: limit) == .refused(.notRegularFile(kind: .fifo)))
            #expect(ContinuousClock.now - start < .seconds(1))
        }
    }

    @Test func socketIsRefused() throws {
        try withFolder { root in
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            #expect(fd >= 0)
            defer { close(fd) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let path = Array((root + "/sock").utf8)
            try #require(path.count < MemoryLayout.size(ofValue: address.sun_path))
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                raw.copyBytes(from: path)
            }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            #expect(bound == 0)
            #expect(reader.read(path: "sock", within: root, maxBytes: limit) == .refused(.notRegularFile(kind: .socket)))
        }
    }

    @Test func symlinkToSystemFileIsRefused() throws {
        try withFolder { root in
            try FileManager.default.createSymbolicLink(atPath: root + "/passwd.txt", withDestinationPath: "/etc/passwd")
            #expect(reader.read(path: "passwd.txt", within: root, maxBytes: limit) == .refused(.notRegularFile(kind: .symlink)))
            #expect(reader.identity(path: root + "/passwd.txt")?.kind == .symlink)
        }
    }

    @Test func symlinkedDirectoryComponentCannotEscapeTheRoot() throws {
        try withFolder { root in
            try FileManager.default.createSymbolicLink(atPath: root + "/etc", withDestinationPath: "/etc")
            #expect(reader.read(path: "etc/passwd", within: root, maxBytes: limit) == .refused(.outsideRoot))
            #expect(reader.read(path: "../../../etc/passwd", within: root, maxBytes: limit) == .refused(.outsideRoot))
            #expect(reader.read(path: "/etc/passwd", within: root, maxBytes: limit) == .refused(.outsideRoot))
            #expect(reader.read(path: root + "x/evil", within: root, maxBytes: limit) == .refused(.outsideRoot))
        }
    }

    @Test func directoryIsRefused() throws {
        try withFolder { root in
            try FileManager.default.createDirectory(atPath: root + "/sub", withIntermediateDirectories: false)
            #expect(reader.read(path: "sub", within: root, maxBytes: limit) == .refused(.notRegularFile(kind: .directory)))
            #expect(reader.read(path: "", within: root, maxBytes: limit) == .refused(.notRegularFile(kind: .directory)))
        }
    }

    @Test func fileOverTheLimitIsRefusedFromItsSize() throws {
        try withFolder { root in
            let path = root + "/huge.pdf"
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
            #expect(truncate(path, 60 * 1024 * 1024) == 0) // sparse: nothing to read quickly
            let start = ContinuousClock.now
            #expect(reader.read(path: "huge.pdf", within: root, maxBytes: limit)
                == .refused(.tooLarge(size: 60 * 1024 * 1024, limit: limit)))
            #expect(ContinuousClock.now - start < .milliseconds(500))
        }
    }

    @Test func vanishedFilesAndFoldersAreReported() throws {
        try withFolder { root in
            #expect(reader.read(path: "nothing.txt", within: root, maxBytes: limit) == .refused(.vanished))
            #expect(reader.read(path: "no/such/dir.txt", within: root, maxBytes: limit) == .refused(.vanished))
            #expect(reader.read(path: "x.txt", within: root + "/missing-root", maxBytes: limit) == .refused(.vanished))
            #expect(reader.identity(path: root + "/nothing.txt") == nil)
        }
    }

    @Test func fileWrittenDuringReadIsRefused() throws {
        try withFolder { root in
            let path = root + "/growing.txt"
            try Data("first part\n".utf8).write(to: URL(fileURLWithPath: path))
            let writer = SafeFileReader(afterOpen: {
                let handle = FileHandle(forWritingAtPath: path)
                _ = try? handle?.seekToEnd()
                try? handle?.write(contentsOf: Data("second part\n".utf8))
                try? handle?.close()
            })
            #expect(writer.read(path: "growing.txt", within: root, maxBytes: limit) == .refused(.changedWhileReading))
        }
    }

    @Test func fileTruncatedDuringReadIsRefused() throws {
        try withFolder { root in
            let path = root + "/shrinking.txt"
            try Data(String(repeating: "x", count: 4096).utf8).write(to: URL(fileURLWithPath: path))
            let writer = SafeFileReader(afterOpen: { _ = truncate(path, 10) })
            #expect(writer.read(path: "shrinking.txt", within: root, maxBytes: limit) == .refused(.changedWhileReading))
        }
    }

    @Test(.enabled(if: geteuid() != 0, "root bypasses file permissions"))
    func unreadableFileIsRefused() throws {
        try withFolder { root in
            let path = root + "/secret.txt"
            try Data("x".utf8).write(to: URL(fileURLWithPath: path))
            #expect(chmod(path, 0) == 0)
            #expect(reader.read(path: "secret.txt", within: root, maxBytes: limit) == .refused(.permissionDenied))
        }
    }
}
