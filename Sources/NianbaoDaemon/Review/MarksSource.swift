import NianbaoPlatform
import SystemPackage

/// The marks file as the daemon reads it: read at start, and again whenever the
/// watcher says it changed (``DropLoop`` turns each reading into
/// ``DropInput/marksChanged(_:)``). The daemon never writes it.
struct MarksSource: Sendable {
    let file: MarksFile
    let watcher: FileWatcher

    /// Why the file is not watched (no inotify watch left, say); nil: watched.
    /// Unwatched, the marks are read at start and at every reload (SIGHUP).
    let unwatched: String?

    /// Opens the watch on the file's folder (created if missing). A watch that cannot
    /// be added is not fatal: the daemon runs on and says so.
    init(path: String) throws {
        file = MarksFile(path: path)
        try Directories.create(FilePath(path).removingLastComponent().string)
        watcher = FileWatcher(path: path)
        do {
            try watcher.start()
            unwatched = nil
        } catch {
            unwatched = "\(error)"
        }
    }

    /// What to tell when the file could not be watched.
    var unwatchedNotice: DaemonNotice? {
        unwatched.map { .failure("marks file \(file.path) is not watched (\($0)); marks changes apply at the next reload") }
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
