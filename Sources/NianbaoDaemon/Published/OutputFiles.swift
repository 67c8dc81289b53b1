import Crypto
import NianbaoPlatform
import Synchronization

/// The derived files written so far, by the SHA-256 of their bytes, so a file is
/// rewritten (atomically, by its ``SafeTreeWriter``) only when its bytes changed. The
/// first write of a path compares with what is on disk, so a restart does not rewrite
/// unchanged files.
final class OutputFiles: Sendable {
    private let written = Mutex<[String: String]>([:])

    /// Writes `bytes` to `path` in `tree` unless it already holds them; returns whether it wrote.
    /// Durable on return when it wrote (``SafeTreeWriter/write(_:to:)``).
    @discardableResult
    func write(_ bytes: [UInt8], to path: [String], in tree: SafeTreeWriter) throws -> Bool {
        let location = tree.location(path)
        let hash = ContentHash.sha256(bytes)
        if isCurrent(hash, at: path, in: tree) { return false }
        try tree.write(bytes, to: path)
        written.withLock { $0[location] = hash }
        return true
    }

    /// Starts writing `path` in `tree` as a stream (see ``StagedFile``); finish with
    /// ``commit(_:)`` or ``discard(_:)``.
    func stage(_ path: [String], in tree: SafeTreeWriter) throws -> StagedFile {
        try StagedFile(path, in: tree)
    }

    /// Puts a staged file in place unless the target already holds its bytes (by
    /// SHA-256; the first commit of a path hashes what is on disk); returns whether it did.
    /// Durable on return when it did (``PendingFile/commit()``).
    @discardableResult
    func commit(_ staged: StagedFile) throws -> Bool {
        let hash = staged.digest
        if isCurrent(hash, at: staged.path, in: staged.tree) {
            staged.file.discard()
            return false
        }
        try staged.file.commit()
        written.withLock { $0[staged.location] = hash }
        return true
    }

    /// Drops a staged file: the target stays as it is.
    func discard(_ staged: StagedFile) { staged.file.discard() }

    /// Removes `path` from `tree` (if present) and forgets it.
    func remove(_ path: [String], in tree: SafeTreeWriter) throws {
        try tree.remove([path[path.count - 1]], in: Array(path.dropLast()), keeping: path.count - 1)
        _ = written.withLock { $0.removeValue(forKey: tree.location(path)) }
    }

    /// Whether the file already holds bytes of SHA-256 `hash`: as last written, or, for
    /// a path not written yet, as found on disk (then remembered).
    private func isCurrent(_ hash: String, at path: [String], in tree: SafeTreeWriter) -> Bool {
        let location = tree.location(path)
        let known = written.withLock { $0[location] }
        if known == hash { return true }
        guard known == nil else { return false }
        var hasher = SHA256()
        guard tree.read(path, { hasher.update(bufferPointer: $0); return true }),
              ContentHash.hex(hasher.finalize()) == hash else { return false }
        written.withLock { $0[location] = hash }
        return true
    }
}
