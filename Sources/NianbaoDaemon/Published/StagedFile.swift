import Crypto
#if canImport(Glibc)
import Glibc
#endif
import NianbaoPlatform
import SystemPackage

/// A derived file written as a stream: text arrives in pieces and goes through a
/// 64 KiB buffer to a temporary file beside the target, hashed on the way, so a
/// large page is never held whole in memory. ``OutputFiles/commit(_:)`` renames
/// it over the target if its bytes differ from what is there; ``OutputFiles/discard(_:)``
/// removes it.
///
/// The first error stops the writing; `commit` throws it.
final class StagedFile: TextOutputStream {
    let path: String
    let temporary: FilePath
    private var fd: FileDescriptor?
    private var buffer: [UInt8] = []
    private var whole = SHA256()
    private var content: SHA256?
    private(set) var error: (any Error)?

    static let bufferSize = 65_536

    /// Creates the temporary file (and the target's missing directories).
    init(path: String, permissions: FilePermissions) throws {
        let target = FilePath(path)
        let directory = target.removingLastComponent()
        try Directories.create(directory.string)
        self.path = path
        temporary = directory.appending(".\(target.lastComponent?.string ?? "file").\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        fd = try FileDescriptor.open(
            temporary, .writeOnly, options: [.create, .truncate, .exclusiveCreate, .closeOnExec], permissions: permissions)
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        // Neither committed nor discarded (an error on the way): nothing is left behind.
        if let fd {
            try? fd.close()
            _ = temporary.withPlatformString { unlink($0) }
        }
    }

    /// Appends `text`'s UTF-8 bytes.
    func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            whole.update(bufferPointer: UnsafeRawBufferPointer(bytes))
            content?.update(bufferPointer: UnsafeRawBufferPointer(bytes))
            if buffer.count + bytes.count > Self.bufferSize { flush() }
            if bytes.count >= Self.bufferSize { return writeOut(UnsafeRawBufferPointer(bytes)) }
            buffer.append(contentsOf: bytes)
        }
    }

    /// From here on, what is written is also hashed apart (``contentDigest``): the part
    /// of a page that tells whether it changed, after a head that carries its time.
    func beginContent() { content = SHA256() }

    /// SHA-256 (hex) of what was written since ``beginContent()``.
    var contentDigest: String { ContentHash.hex(content?.finalize() ?? SHA256().finalize()) }

    /// SHA-256 (hex) of everything written.
    var digest: String { ContentHash.hex(whole.finalize()) }

    /// Writes out the buffer, fsyncs and closes the temporary file.
    func close() throws {
        flush()
        if let error { throw error }
        guard let fd else { return }
        self.fd = nil
        try fd.closeAfter { try fd.sync() }
    }

    /// Closes and removes the temporary file.
    func remove() {
        if let fd { try? fd.close() }
        fd = nil
        _ = temporary.withPlatformString { unlink($0) }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { writeOut($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ bytes: UnsafeRawBufferPointer) {
        guard error == nil, let fd else { return }
        do { _ = try fd.writeAll(bytes) } catch { self.error = error }
    }
}
