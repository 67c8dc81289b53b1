import NianbaoPlatform
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// Checks, before anything starts, that the configuration can work on this
/// host: every drop folder exists (or is created when `watch.createDrops` asks
/// for it), and the status directory and the journal can be written — a test
/// write each. A failure names the key, the path and the errno, in Chinese and
/// English, and `nianbao watch` exits 2.
public enum StartupCheck {
    public static func verify(_ config: DaemonConfiguration) throws(ConfigurationError) {
        for drop in config.drops {
            var info = stat()
            if stat(drop.path, &info) != 0 {
                let error = errno
                guard error == ENOENT, config.createDrops else {
                    throw failure("drops", drop.path, error, "投递目录不存在或无法访问（可设置 watch.createDrops: true 自动创建）",
                                  "drop folder is missing or unreachable (set watch.createDrops: true to create it)")
                }
                do { try Directories.create(drop.path) } catch {
                    throw failure("drops", drop.path, code(error), "无法创建投递目录", "cannot create the drop folder")
                }
            } else if info.st_mode & S_IFMT != S_IFDIR {
                throw failure("drops", drop.path, ENOTDIR, "投递路径不是目录", "the drop path is not a folder")
            }
        }
        let probe = config.statusDirectory + "/.nianbao-write-test"
        do {
            try SafeTreeWriter.replaceFile(at: probe, with: Array("ok\n".utf8))
            try SafeTreeWriter.removeFile(at: probe)
        } catch {
            throw failure("state.statusDirectory", config.statusDirectory, code(error), "状态目录无法写入", "the status directory cannot be written")
        }
        let journalFolder = config.journalFile.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !journalFolder.isEmpty { try? Directories.create(journalFolder) }
        let fd = open(config.journalFile, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            throw failure("state.journalFile", config.journalFile, errno, "裁定日志无法写入", "the verdict journal cannot be written")
        }
        close(fd)
    }

    /// The errno a failed file-system call threw.
    private static func code(_ error: any Error) -> Int32 {
        (error as? Errno)?.rawValue ?? EIO
    }

    private static func failure(_ key: String, _ path: String, _ error: Int32, _ chinese: String, _ english: String) -> ConfigurationError {
        let reason = String(cString: strerror(error))
        return ConfigurationError(key: key, reason: "\(english): \(path): \(reason) (errno \(error)) · \(chinese)：\(path)（\(reason)）")
    }
}
