import Foundation
import Testing
import NianbaoTestSupport

extension DaemonSystemd {
    /// Boots a real Debian 12 systemd in `systemd-nspawn` with nianbao installed
    /// by `scripts/install.sh` under the full hardened unit, and checks from
    /// inside that the service becomes active (Type=notify), judges dropped
    /// reports (with receipts the daemon may write where it may not write the drop folder),
    /// reloads and stops cleanly, and that `systemctl start nianbao-remind.service`
    /// journals the reminder under its own hardened unit (Tests/Harness/boot-nspawn.sh).
    ///
    /// Runs when root, systemd-nspawn is present and either the Debian root is
    /// already cached or `NIANBAO_NSPAWN=1` allows debootstrapping it (CI).
    @Suite(.serialized, .timeLimit(.minutes(10)))
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
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // A legacy .doc converted by LibreOffice, a real published PDF and a crafted slow PDF, under the real unit.
            process.arguments = [repo + "/Tests/Harness/boot-nspawn.sh", Binaries.nianbao,
                                 repo + "/Tests/Fixtures/samples/huaian_hongze_2023.txt",
                                 repo + "/Tests/Fixtures/samples/003_458875e39d02c745.txt",
                                 repo + "/Tests/Fixtures/office/jiangbei-transport-2023.doc=pass",
                                 repo + "/Tests/Fixtures/real-pdfs/huaian_hongze_2024.pdf=warn",
                                 // minutes of poppler CPU: the reader child's 10 s budget fails it; no restart.
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
        }
    }
}
