import Crypto
import NianbaoPlatform

/// A derived file written as a stream (a ``PendingFile`` of the ``SafeTreeWriter``),
/// hashed on the way, so a large page is never held whole in memory.
/// ``OutputFiles/commit(_:)`` puts it in place if its bytes differ from what is
/// there; ``OutputFiles/discard(_:)`` drops it.
///
/// The first error stops the writing; `commit` throws it.
final class StagedFile: TextOutputStream {
    /// The target's path, as text: the key of ``OutputFiles``' memory.
    let location: String
    /// The tree and path it goes to.
    let tree: SafeTreeWriter
    let path: [String]
    let file: PendingFile
    private var whole = SHA256()
    private var content: SHA256?

    init(_ path: [String], in tree: SafeTreeWriter) throws {
        self.tree = tree
        self.path = path
        location = tree.location(path)
        file = try tree.stage(path)
    }

    /// Appends `text`'s UTF-8 bytes.
    func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            whole.update(bufferPointer: raw)
            content?.update(bufferPointer: raw)
            file.write(raw)
        }
    }

    /// From here on, what is written is also hashed apart (``contentDigest``): the part
    /// of a page that tells whether it changed, after a head that carries its time.
    func beginContent() { content = SHA256() }

    /// SHA-256 (hex) of what was written since ``beginContent()``.
    var contentDigest: String { ContentHash.hex(content?.finalize() ?? SHA256().finalize()) }

    /// SHA-256 (hex) of everything written.
    var digest: String { ContentHash.hex(whole.finalize()) }
}
