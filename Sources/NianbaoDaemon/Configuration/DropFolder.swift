import NianbaoPlatform

/// A watched drop folder: its name (used in status paths and journal records) and path.
public struct DropFolder: Sendable, Hashable, Codable {
    public var name: String
    public var path: String

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    /// Parses "PATH" or "NAME=PATH"; the name defaults to the path's last component.
    public init(specification: String) throws(ConfigurationError) {
        var name: Substring?
        var path = Substring(specification)
        if let eq = specification.firstIndex(of: "="), !specification[..<eq].contains("/") {
            name = specification[..<eq]
            path = specification[specification.index(after: eq)...]
        }
        let trimmed = CanonicalPath.trimmed(String(path))
        guard !path.isEmpty else { throw ConfigurationError(key: "drops", reason: "empty drop folder path in \"\(specification)\"") }
        let base = trimmed.split(separator: "/").last.map(String.init) ?? "root"
        let chosen = String(name ?? Substring(base))
        guard !DropFolder.reservedNames.contains(chosen) else {
            throw ConfigurationError(key: "drops", reason: "drop folder name \"\(chosen)\" is reserved (the status directory's \(chosen)/); give the folder another name with NAME=PATH")
        }
        guard DropFolder.isValidName(chosen) else {
            throw ConfigurationError(key: "drops", reason: "drop folder name \"\(chosen)\" must be letters, digits, '-', '_' or '.', not starting with '.'")
        }
        self.name = chosen
        self.path = trimmed
    }

    /// Names the status directory uses for itself (`years/` holds the year summaries).
    static let reservedNames: Set<String> = ["years"]

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != ".", name.utf8.count <= 128 else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
    }
}
