import Foundation
import NianbaoOffice

/// Reads and validates the roster file named by `roster` / `--roster`.
///
/// A file that cannot be read, is not UTF-8 or fails `RosterParser` is a configuration
/// error naming the key, the file and (for a bad entry) the line, so `nianbao watch`
/// exits 2 at start and a reload keeps the previous configuration.
public enum RosterFile {
    /// Largest roster file read, in bytes (a roster of every agency of a province is far smaller).
    public static let maxBytes = 4 << 20

    /// The roster in `path`; `key` is the configuration key or flag that named it.
    public static func load(_ path: String, key: String = "roster") throws(ConfigurationError) -> Roster {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(key: key, reason: "cannot read the roster file \(path): \(String(cString: strerror(errno))) · 无法读取名单文件")
        }
        guard data.count <= maxBytes else {
            throw ConfigurationError(key: key, reason: "\(path): the roster file is larger than \(maxBytes) bytes · 名单文件过大")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(key: key, reason: "\(path): the roster file is not UTF-8 (save it as \"CSV UTF-8\") · 名单文件不是 UTF-8 编码")
        }
        do {
            return try RosterParser.parse(text)
        } catch {
            throw ConfigurationError(key: key, reason: "\(path): \(error) · 名单文件第 \(error.line) 行有误")
        }
    }
}
