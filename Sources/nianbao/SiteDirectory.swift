import ArgumentParser
import Foundation

/// One site's status directory when a province's hosts are combined: `--status-dir SITE=DIR`
/// or a folder `<sites>/<site>/` of `--sites`.
struct SiteDirectory: Sendable, Hashable {
    /// The site's name, shown with each of its reports ("site:drop/file").
    var name: String
    /// Its status directory.
    var path: String
    /// Whether the name was given (SITE=DIR) rather than taken from the path.
    var named: Bool

    /// Reads "SITE=DIR" (a name holds no "/"), else "DIR", named after its last folder
    /// ("…/huaian/status" is "huaian": a status directory is usually called status).
    init(argument: String) {
        if let equals = argument.firstIndex(of: "="), equals != argument.startIndex,
           !argument[..<equals].contains("/") {
            name = String(argument[..<equals])
            path = String(argument[argument.index(after: equals)...])
            named = true
            return
        }
        path = argument
        named = false
        let parts = argument.split(separator: "/").map(String.init)
        if let last = parts.last, last == "status", parts.count > 1 {
            name = parts[parts.count - 2]
        } else {
            name = parts.last ?? argument
        }
    }

    init(name: String, path: String) {
        self.name = name
        self.path = path
        named = true
    }

    /// The folders of `root` (hidden ones aside), by name in byte order: one site each.
    static func folders(of root: String) throws -> [SiteDirectory] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root)
        } catch {
            throw ValidationError("--sites \(root): cannot read the folder")
        }
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { SiteDirectory(name: $0, path: root + "/" + $0) }
    }
}
