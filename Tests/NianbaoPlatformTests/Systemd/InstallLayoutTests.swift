import Foundation
import NianbaoTestSupport
import Testing

/// The unit and the installer name the same paths: every absolute path a unit
/// file mentions under /usr/local (its binary, Documentation=, comments) is one
/// that scripts/install.sh installs, and every file it installs is listed in its header.
@Suite struct InstallLayoutTests {
    static func text(_ path: String) throws -> String {
        try String(contentsOf: Fixtures.repositoryFile(path), encoding: .utf8)
    }

    /// Targets of `install -D … "$DESTDIR/…"` lines.
    static func installed() throws -> Set<String> {
        let script = try text("scripts/install.sh")
        var targets = Set<String>()
        for line in script.split(separator: "\n") where line.contains("install -D") {
            if let range = line.range(of: "\"$DESTDIR") {
                let rest = line[range.upperBound...]
                targets.insert(String(rest.prefix { $0 != "\"" }))
            }
        }
        return targets
    }

    @Test func unitPathsAreInstalledAndTheHeaderListsEveryFile() throws {
        let installed = try Self.installed()
        #expect(installed.contains("/usr/local/bin/nianbao"))
        let units = try FileManager.default.contentsOfDirectory(atPath: Fixtures.repositoryFile("systemd").path)
            .filter { $0.hasSuffix(".service") || $0.hasSuffix(".timer") }
        #expect(!units.isEmpty)
        for unit in units {
            let body = try Self.text("systemd/" + unit)
            let regex = try NSRegularExpression(pattern: "/usr/local/[A-Za-z0-9_./-]+")
            let paths = regex.matches(in: body, range: NSRange(body.startIndex..., in: body)).compactMap {
                Range($0.range, in: body).map { String(body[$0]).trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            }
            for path in paths {
                let file = path.hasPrefix("file://") ? String(path.dropFirst(7)) : path
                if file.hasSuffix("/") { continue }  // a directory named in a comment
                #expect(installed.contains(file), "\(unit) names \(file), which install.sh does not install")
            }
        }
        let header = try Self.text("scripts/install.sh").split(separator: "\n").prefix(40).joined(separator: "\n")
        for target in installed {
            #expect(header.contains(target), "install.sh installs \(target) but its header does not list it")
        }
    }
}
