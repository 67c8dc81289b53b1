import Foundation
import Testing
import NianbaoTestSupport

extension DaemonSystemd {
    /// Boots a real Debian 12 systemd in `systemd-nspawn`, installs the Debian package
    /// there with `apt install ./nianbao_*.deb` (built by `scripts/package.sh --out .build/deb`,
    /// which scripts/test.sh runs first), and checks from inside that the service becomes
    /// active (Type=notify) under the full hardened unit, judges dropped
    /// reports (with receipts the daemon may write where it may not write the drop folder),
    /// reloads and stops cleanly, and that `systemctl start nianbao-remind.service`
    /// journals the reminder under its own hardened unit; that a newer build upgrades it
    /// keeping state and an edited conffile, `apt remove` stops it, `apt purge` removes its
    /// files; and that systemd-journal-upload ships the verdicts to systemd-journal-remote
    /// with their fields (Tests/Harness/boot-nspawn.sh).
    ///
    /// Runs when root, systemd-nspawn is present and either the Debian root is
    /// already cached or `NIANBAO_NSPAWN=1` allows debootstrapping it (CI).
    @Suite(.serialized, .timeLimit(.minutes(10)), .offPool)
    struct Boot {
        static var enabled: Bool {
            getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-nspawn")
                && (FileManager.default.fileExists(atPath: "/var/cache/nianbao-test-root/lib/systemd/systemd")
                    || ProcessInfo.processInfo.environment["NIANBAO_NSPAWN"] == "1"
                    // Under CI the boot must run (debootstrapping the root on first use), never skip.
                    || ProcessInfo.processInfo.environment["CI"] == "true")
        }

        @Test(.enabled(if: Boot.enabled)) func hardenedUnitBootsJudgesReloadsAndStops() throws {
            let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().path
            let out = FileManager.default.temporaryDirectory.path + "/nianbao-boot-\(UUID().uuidString.prefix(8))"
            let (deb, newer) = try Self.packages(repo: repo, out: out)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // A legacy .doc converted by LibreOffice, a real published PDF, a scan and a crafted slow PDF, under the real unit.
            process.arguments = [repo + "/Tests/Harness/boot-nspawn.sh", deb, newer,
                                 repo + "/Tests/Fixtures/samples/huaian_hongze_2023.txt",
                                 repo + "/Tests/Fixtures/samples/003_458875e39d02c745.txt",
                                 repo + "/Tests/Fixtures/office/jiangbei-transport-2023.doc=pass",
                                 repo + "/Tests/Fixtures/real-pdfs/huaian_hongze_2024.pdf=warn",
                                 // A scan (no text layer): read by Tesseract in the reader child under the unit.
                                 repo + "/Tests/Fixtures/scanned/jiangbei-transport-2023-scan.pdf=read",
                                 // minutes of poppler CPU: the reader child's 30 s budget fails it; no restart.
                                 repo + "/Tests/Fixtures/hostile/slow-500pages.pdf=fail:input.timeout"]
            var environment = ProcessInfo.processInfo.environment
            environment["OUTDIR"] = out
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus == 77 {
                // Under CI the boot test must run: a skip there is a failure.
                #expect(ProcessInfo.processInfo.environment["CI"] != "true", "boot-nspawn could not run: \(log.suffix(400))")
                try Test.cancel("skipped: boot-nspawn cannot run here (exit 77): \(log.suffix(400))")
            }
            #expect(process.terminationStatus == 0, "\(log)")
            let result = (try? String(contentsOfFile: out + "/result", encoding: .utf8)) ?? ""
            #expect(result.contains("ok"), "\(result)")
            // The reminder ran under its own hardened unit and its entry is in `journalctl -u nianbao-remind`.
            #expect(result.contains("pass nianbao-remind.service succeeded"), "\(result)")
            #expect(result.contains("pass nianbao-remind PRIORITY=3"), "\(result)")
            #expect(result.contains("pass nianbao-remind fields"), "\(result)")
            // Under the hardened unit: receipts written (daemon's, group nianbao-drop, 2750); in the
            // daemon's own mount namespace the receipts directory is writable and the drop folder is not.
            #expect(result.contains("pass receipts written for every report"), "\(result)")
            #expect(result.contains("pass receipts folder nianbao:nianbao-drop 2750"), "\(result)")
            #expect(result.contains("pass receipts directory writable in the daemon's namespace"), "\(result)")
            #expect(result.contains("pass drop folder read-only in the daemon's namespace"), "\(result)")
            #expect(result.contains("pass dashboard and metrics file written"), "\(result)")
            Self.expectPackageChecks(result)
            // A bindfs share mounted below the drop folder inside the container (when the host
            // has /dev/fuse): polled under the hardened unit, its report judged (issue 22).
            if FileManager.default.fileExists(atPath: "/dev/fuse") {
                #expect(result.contains("pass drop folder watched mixed, the share polled"), "\(result)")
                #expect(result.contains("pass report written behind the FUSE mount judged by polling"), "\(result)")
            }
        }
    }
}
