#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

extension SafeTreeWriter {
    /// Many files written with one flush: cheaper than ``SafeTreeWriter/write(_:to:)``
    /// per file when many small files change at once (status files after a burst).
    ///
    /// ``add(_:at:tag:)`` writes each file to its hidden temporary file (creating
    /// missing folders) and lets its bytes go; nothing added is visible yet.
    /// ``commit()`` syncs each file system holding an added file once (`syncfs`), then
    /// renames every file over its target and fsyncs each folder once. When `commit`
    /// returns, every file not among its failures holds its new bytes under its name
    /// on stable storage. A failed file keeps its old content, except when its folder's
    /// fsync failed after the rename: then the new content is in place but not known
    /// to be durable, and the file is reported so the caller writes it again. Temporary
    /// files of failed files are removed (unless their folder vanished meanwhile). The
    /// batch is not one transaction: a crash during `commit` may leave some targets old
    /// and others new, each whole. A batch dropped without `commit` removes its
    /// temporary files.
    ///
    /// `Tag` names a file in the failures (a report key, say).
    public final class Batch<Tag> {
        private struct Staged {
            var folders: [String]
            var temporaryName: String
            var name: String
            var device: dev_t
            var tag: Tag
        }

        private let writer: SafeTreeWriter
        private var staged: [Staged] = []
        private var failures: [(tag: Tag, error: any Error)] = []
        /// One open folder per file system to sync.
        private var devices: [dev_t: OpenFolder] = [:]
        /// The folder of the last file added (files come in path order, sharing folders).
        private var current: (folders: [String], folder: OpenFolder, device: dev_t)?
        private var committed = false

        init(_ writer: SafeTreeWriter) { self.writer = writer }

        deinit {
            guard !committed else { return }
            for file in staged {
                guard let folder = try? writer.folder(file.folders, creating: false) else { continue }
                _ = file.temporaryName.withCString { unlinkat(folder.fd, $0, 0) }
            }
        }

        /// Writes `bytes` as the coming content of the file at `path`; an error is kept for ``commit()``.
        public func add(_ bytes: [UInt8], at path: [String], tag: Tag) {
            do {
                guard let name = path.last, SafeTreeWriter.isSafe(path) else { throw Errno.invalidArgument }
                let folders = Array(path.dropLast())
                if current?.folders != folders {
                    current = nil
                    guard let folder = try writer.folder(folders, creating: true) else { throw Errno.noSuchFileOrDirectory }
                    let device = try folder.device()
                    if devices[device] == nil { devices[device] = folder }
                    current = (folders, folder, device)
                }
                guard let folder = current?.folder, let device = current?.device else { return }
                let file = try PendingFile(name: name, in: folder, permissions: writer.filePermissions)
                file.write(bytes)
                try file.close(syncing: false)
                file.detach()
                staged.append(Staged(folders: folders, temporaryName: file.temporaryName, name: name, device: device, tag: tag))
            } catch {
                failures.append((tag, error))
            }
        }

        /// Puts every added file in place (see ``Batch``); returns the files that failed, with their errors.
        public func commit() -> [(tag: Tag, error: any Error)] {
            committed = true
            current = nil
            var unsynced: [dev_t: any Error] = [:]
            for (device, folder) in devices {
                do { try folder.syncFileSystem() } catch { unsynced[device] = error }
            }
            devices = [:]
            var order: [[String]] = []
            var byFolder: [[String]: [Staged]] = [:]
            for file in staged {
                if byFolder[file.folders] == nil { order.append(file.folders) }
                byFolder[file.folders, default: []].append(file)
            }
            staged = []
            for folders in order { rename(byFolder[folders] ?? [], in: folders, unsynced: unsynced) }
            return failures
        }

        /// Renames the synced files of one folder into place and fsyncs the folder once;
        /// a file whose file system did not sync is removed instead.
        private func rename(_ files: [Staged], in folders: [String], unsynced: [dev_t: any Error]) {
            let folder: OpenFolder
            do {
                guard let opened = try writer.folder(folders, creating: false) else { throw Errno.noSuchFileOrDirectory }
                folder = opened
            } catch {
                failures += files.map { ($0.tag, error) }
                return
            }
            var renamed: [Tag] = []
            for file in files {
                do {
                    if let error = unsynced[file.device] {
                        _ = file.temporaryName.withCString { unlinkat(folder.fd, $0, 0) }
                        throw error
                    }
                    try PendingFile.rename(file.temporaryName, to: file.name, in: folder.fd)
                    renamed.append(file.tag)
                } catch {
                    failures.append((file.tag, error))
                }
            }
            // Visible but not known to be durable: failed, so the caller writes them again.
            if !renamed.isEmpty { do { try folder.sync() } catch { failures += renamed.map { ($0, error) } } }
        }
    }

    /// A new, empty batch of files below the root.
    public func batch<Tag>(tagged: Tag.Type = Tag.self) -> Batch<Tag> { Batch(self) }
}
