import NianbaoPlatform
import SystemPackage

/// The marks file as the daemon reads it: read at start, and again whenever the
/// watcher says it changed (``DropLoop`` turns each reading into
/// ``DropInput/marksChanged(_:)``). The daemon never writes it.
struct MarksSource: Sendable {
    let file: MarksFile
    let watcher: FileWatcher

    /// Opens the watch on the file's folder (created if missing).
    init(path: String) throws {
        file = MarksFile(path: path)
        try Directories.create(FilePath(path).removingLastComponent().string)
        watcher = FileWatcher(path: path)
        try watcher.start()
    }

    /// The marks in force, and what to tell if lines could not be read or the file not at all.
    func read() -> (marks: ReviewMarks?, notice: DaemonNotice?) {
        do {
            let (marks, unreadable) = try file.read()
            let notice: DaemonNotice? = unreadable == 0 ? nil
                : .failure("marks file \(file.path): \(unreadable) unreadable line\(unreadable == 1 ? "" : "s") skipped")
            return (marks, notice)
        } catch {
            return (nil, .failure("marks file \(file.path) cannot be read: \(error); keeping the marks in force"))
        }
    }
}
