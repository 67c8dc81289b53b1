import Foundation
import NianbaoPlatform
import Testing
import NianbaoTestSupport

private let hasAnalyze = isExecutable("/usr/bin/systemd-analyze")

extension Systemd {
    /// systemd/nianbao-remind.service and .timer, checked by systemd's own tools.
    @Suite(.enabled(if: hasAnalyze, "needs systemd-analyze"), .offPool)
    struct RemindUnitFileTests {
        private let service = Repository.file("systemd/nianbao-remind.service")
        private let timer = Repository.file("systemd/nianbao-remind.timer")

        /// Both units in a temporary folder, ExecStart pointing at /bin/true
        /// (`systemd-analyze verify` requires the binary to exist).
        private func copies() throws -> URL {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-remind-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let text = try String(contentsOf: service, encoding: .utf8)
                .replacingOccurrences(of: "ExecStart=/usr/local/bin/nianbao", with: "ExecStart=/bin/true")
            try text.write(to: folder.appendingPathComponent("nianbao-remind.service"), atomically: true, encoding: .utf8)
            try FileManager.default.copyItem(at: timer, to: folder.appendingPathComponent("nianbao-remind.timer"))
            return folder
        }

        private func lines(_ url: URL) throws -> [Substring] {
            try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        }

        @Test func unitsDeclareTheContract() throws {
            let serviceLines = try lines(service)
            for line in ["Type=oneshot", "ExecStart=/usr/local/bin/nianbao remind --config /etc/nianbao/nianbao.json",
                         "User=nianbao", "ReadOnlyPaths=-/var/lib/nianbao", "ProtectSystem=strict"] {
                #expect(serviceLines.contains(Substring(line)), "missing \(line)")
            }
            // It writes nothing: no state, logs or runtime directory of its own.
            #expect(!serviceLines.contains { $0.hasPrefix("StateDirectory=") || $0.hasPrefix("LogsDirectory=") || $0.hasPrefix("ReadWritePaths=") })
            let timerLines = try lines(timer)
            for line in ["OnCalendar=*-*-* 08:30:00 Asia/Shanghai", "Persistent=true", "WantedBy=timers.target"] {
                #expect(timerLines.contains(Substring(line)), "missing \(line)")
            }
        }

        @Test func verifyIsClean() throws {
            let folder = try copies()
            defer { try? FileManager.default.removeItem(at: folder) }
            let result = try Subprocess.run(["systemd-analyze", "verify", folder.appendingPathComponent("nianbao-remind.service").path,
                                  folder.appendingPathComponent("nianbao-remind.timer").path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        }

        /// systemd 252 reads the calendar spec with its time zone: 08:30 in Beijing is 00:30 UTC.
        @Test func calendarIsHalfPastEightInBeijing() throws {
            let result = try Subprocess.run(["systemd-analyze", "calendar", "--iterations=2", "*-*-* 08:30:00 Asia/Shanghai"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.output.contains("Normalized form: *-*-* 08:30:00 Asia/Shanghai"), "\(result.output)")
            let utc = try Subprocess.run(["env", "TZ=UTC", "systemd-analyze", "calendar", "*-*-* 08:30:00 Asia/Shanghai"])
            #expect(utc.output.contains("00:30:00 UTC"), "\(utc.output)")
        }

        @Test func exposureIsAtMostOne() throws {
            let folder = try copies()
            defer { try? FileManager.default.removeItem(at: folder) }
            let result = try Subprocess.run(["systemd-analyze", "security", "--offline=true", "--no-pager",
                                  folder.appendingPathComponent("nianbao-remind.service").path])
            let line = try #require(
                result.output.split(separator: "\n").first { $0.contains("Overall exposure level for nianbao-remind.service:") },
                "no exposure line: \(result.output) \(result.stderr)")
            let value = try #require(line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) }, "cannot parse \(line)")
            #expect(value <= 1.0, "\(line)")
        }

        /// install.sh installs both units and enables the timer with the service.
        @Test func installScriptInstallsAndEnablesTheTimer() throws {
            let script = try String(contentsOf: Repository.file("scripts/install.sh"), encoding: .utf8)
            #expect(script.contains(#""$ROOT/systemd/nianbao-remind.service" "$DESTDIR/usr/local/lib/systemd/system/nianbao-remind.service""#))
            #expect(script.contains(#""$ROOT/systemd/nianbao-remind.timer" "$DESTDIR/usr/local/lib/systemd/system/nianbao-remind.timer""#))
            #expect(script.contains("enable nianbao.service nianbao-remind.timer"))
            #expect(script.contains("enable --now nianbao.service nianbao-remind.timer"))
        }
    }
}
