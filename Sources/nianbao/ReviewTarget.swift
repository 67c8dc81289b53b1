import NianbaoDaemon
import NianbaoPlatform
#if canImport(Glibc)
import Glibc
#endif

/// The verdict `nianbao review` looks a finding up in: the daemon's status record of
/// the file when it was made from the file's present content (cross-year findings
/// included), else the file checked here as `nianbao check` would.
enum ReviewTarget {
    static func record(for file: String, statusDirectory: String) -> VerdictRecord? {
        guard case .file(let path, let relative, let root)? = CheckTargets.expand([file]).first,
              case .content(let bytes, _) = root.read(relative, maxBytes: 50 << 20) else { return nil }
        let sha = ContentHash.sha256(bytes)
        let real = realPath(file)
        let name = real.split(separator: "/").last.map(String.init)
        let status = StatusDirectory(root: statusDirectory).allRecords().values.first { record in
            record.sha256 == sha && record.path.split(separator: "/").last.map(String.init) == name && realPath(record.path) == real
        }
        if let status { return status }
        return ReportChecker(pdfReader: ChildPDFReader()).checkReport(bytes: bytes, sha256: sha, path: path).record
    }

    private static func realPath(_ path: String) -> String {
        realpath(path, nil).map { pointer -> String in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? path
    }
}
