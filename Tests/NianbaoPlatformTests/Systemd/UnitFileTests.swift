import Foundation
import NianbaoPlatform
import Testing
import NianbaoTestSupport

private let hasAnalyze = isExecutable("/usr/bin/systemd-analyze")

extension Systemd {
    /// The files in `systemd/` checked by systemd's own tools.
    @Suite(.enabled(if: hasAnalyze, "needs systemd-analyze"), .offPool)
    struct UnitFileTests {
        private let unit = Repository.file("systemd/nianbao.service")

        /// A temp copy of the unit whose ExecStart points at /bin/true, since
        /// `systemd-analyze verify` requires the binary to exist.
        private func unitCopy() throws -> URL {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-unit-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let text = try String(contentsOf: unit, encoding: .utf8)
                .replacingOccurrences(of: "ExecStart=/usr/local/bin/nianbao", with: "ExecStart=/bin/true")
            let copy = folder.appendingPathComponent("nianbao.service")
            try text.write(to: copy, atomically: true, encoding: .utf8)
            return copy
        }

        @Test func unitDeclaresTheServiceContract() throws {
            let text = try String(contentsOf: unit, encoding: .utf8)
            for line in [
                "Type=notify",
                "ExecStart=/usr/local/bin/nianbao watch --config /etc/nianbao/nianbao.json",
                "ExecReload=/bin/kill -HUP $MAINPID",
                "WatchdogSec=30s",
                "Restart=on-failure",
                "User=nianbao",
                "StateDirectory=nianbao",
                "LogsDirectory=nianbao",
                "ConfigurationDirectory=nianbao",
                "ReadOnlyPaths=-/srv/nianbao/drop",
                "ReadWritePaths=-/srv/nianbao/receipts",
            ] {
                #expect(text.split(separator: "\n").contains(Substring(line)), "missing \(line)")
            }
        }

        @Test func verifyIsClean() throws {
            let copy = try unitCopy()
            defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
            let result = try Subprocess.run(["systemd-analyze", "verify", copy.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        }

        @Test func exposureIsAtMostPointFive() throws {
            let copy = try unitCopy()
            defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
            let result = try Subprocess.run(["systemd-analyze", "security", "--offline=true", "--no-pager", copy.path])
            let line = try #require(
                result.output.split(separator: "\n").first { $0.contains("Overall exposure level for nianbao.service:") },
                "no exposure line: \(result.output) \(result.stderr)"
            )
            let score = line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) }
            let value = try #require(score, "cannot parse \(line)")
            #expect(value <= 0.5, "\(line)")
        }

        @Test func catalogCoversEveryMessageIDInBothLanguages() throws {
            let text = try String(contentsOf: Repository.file("systemd/nianbao.catalog"), encoding: .utf8)
            let headers = Set(text.split(separator: "\n").filter { $0.hasPrefix("-- ") }.map(String.init))
            for id in MessageID.allCases {
                #expect(headers.contains("-- \(id.rawValue)"), "no English entry for \(id)")
                #expect(headers.contains("-- \(id.rawValue) zh_CN"), "no Chinese entry for \(id)")
            }
            #expect(headers.count == MessageID.allCases.count * 2)

            // journalctl itself compiles the catalog and lists every id.
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-catalog-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let folder = root.appendingPathComponent("usr/lib/systemd/catalog")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: folder.appendingPathComponent("nianbao.catalog"), atomically: true, encoding: .utf8)
            let update = try Subprocess.run(["journalctl", "--root=\(root.path)", "--update-catalog"])
            #expect(update.status == 0, "\(update.stderr)")
            let list = try Subprocess.run(["journalctl", "--root=\(root.path)", "--list-catalog", "--no-pager"])
            for id in MessageID.allCases {
                #expect(list.output.contains("\(id.rawValue) nianbao:"), "\(id) not in compiled catalog")
            }
        }
    }
}

private var canCreateAccounts: Bool {
    getuid() == 0 && isExecutable("/usr/bin/systemd-sysusers") && isExecutable("/usr/bin/systemd-tmpfiles")
}

extension Systemd {
    /// sysusers.d and tmpfiles.d files applied to a scratch root directory.
    @Suite(.enabled(if: canCreateAccounts, "needs root, systemd-sysusers and systemd-tmpfiles"), .offPool)
    struct AccountFileTests {
        @Test func sysusersAndTmpfilesCreateTheDropFolder() throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-root-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("etc"), withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: root) }

            let users = try Subprocess.run(["systemd-sysusers", "--root=\(root.path)", Repository.file("systemd/nianbao.sysusers").path])
            try #require(users.status == 0, "\(users.stderr)")
            let passwd = try String(contentsOf: root.appendingPathComponent("etc/passwd"), encoding: .utf8)
            let group = try String(contentsOf: root.appendingPathComponent("etc/group"), encoding: .utf8)
            let account = try #require(passwd.split(separator: "\n").first { $0.hasPrefix("nianbao:") })
            #expect(account.hasSuffix(":/var/lib/nianbao:/usr/sbin/nologin"))
            let dropGroup = try #require(group.split(separator: "\n").first { $0.hasPrefix("nianbao-drop:") })
            #expect(dropGroup.split(separator: ":", omittingEmptySubsequences: false).last == "nianbao")
            let dropGID = try #require(dropGroup.split(separator: ":", omittingEmptySubsequences: false).dropFirst(2).first.flatMap { UInt32($0) })

            let tmpfiles = try Subprocess.run([
                "systemd-tmpfiles", "--root=\(root.path)", "--create", Repository.file("systemd/nianbao.tmpfiles").path,
            ])
            try #require(tmpfiles.status == 0, "\(tmpfiles.stderr)")
            var info = stat()
            try #require(stat(root.appendingPathComponent("srv/nianbao/drop").path, &info) == 0)
            #expect(info.st_mode & 0o7777 == 0o2770)
            #expect(info.st_gid == dropGID)
            #expect(info.st_uid == 0)

            // The receipts: the daemon's, readable (not writable) by the uploaders' group, setgid.
            let uid = try #require(account.split(separator: ":", omittingEmptySubsequences: false).dropFirst(2).first.flatMap { UInt32($0) })
            try #require(stat(root.appendingPathComponent("srv/nianbao/receipts").path, &info) == 0)
            #expect(info.st_mode & 0o7777 == 0o2750)
            #expect(info.st_gid == dropGID)
            #expect(info.st_uid == uid)
        }
    }
}
