import Foundation
import Glibc
import NianbaoDaemon
import Testing
import NianbaoTestSupport

extension DaemonSystemd {
    /// Crafted PDFs dropped into a running daemon are read in bounded child
    /// processes: each gets its fail verdict within its budget, ordinary reports
    /// flow meanwhile, and the watchdog keeps pinging (real notify socket).
    @Suite(.serialized, .timeLimit(.minutes(3)), .offPool)
    struct HostileDocuments {
        static func hostile(_ name: String) -> [UInt8] {
            Array(FileManager.default.contents(atPath: Fixtures.directory + "/hostile/" + name) ?? Data())
        }

        static func startDaemon(_ root: DaemonSystemdRoot, recorder: NotifyRecorder, timeout: Int = 3) throws -> WatchChild {
            try root.writeConfig(drops: ["a"], extra: ["parse": ["timeoutSeconds": timeout, "memoryMegabytes": 128]])
            return try WatchChild(
                arguments: ["--config", root.config, "--workers", "2"],
                environment: ["NOTIFY_SOCKET": recorder.path, "WATCHDOG_USEC": "1000000"],
                outputPath: root.root + "/daemon.out")
        }

        @Test func slowAndMemoryHungryPDFsAreBoundedWhileOthersFlow() throws {
            let root = try DaemonSystemdRoot()
            let recorder = try NotifyRecorder(path: root.root + "/notify.sock")
            defer { recorder.stop() }
            let budget = 6.0
            let daemon = try Self.startDaemon(root, recorder: recorder, timeout: Int(budget))
            defer { daemon.signal(SIGKILL); _ = daemon.waitForExit(timeout: 10) }
            _ = try #require(recorder.waitFor(timeout: 30) { $0.text == "READY=1" }, "no READY=1: \(daemon.output)")

            let start = Date()
            let startIndex = recorder.count
            try root.drop(Self.hostile("slow-20pages.pdf"), as: "slow1.pdf", into: "a")
            try root.drop(Self.hostile("slow-20pages.pdf") + Array("\n% copy".utf8), as: "slow2.pdf", into: "a")
            try root.drop(Self.hostile("huge-page.pdf"), as: "huge.pdf", into: "a")
            var normal: [(String, String)] = []
            for index in 0..<20 {
                let name = "r\(index).txt"
                try root.drop(Fixtures.sample(DaemonSystemdSamples.passing) + Array("\n\(index)\n".utf8), as: name, into: "a")
                normal.append(("a", name))
            }
            // The ordinary reports are judged while the children still run (6 s budget):
            // their verdicts precede the hostile ones in the journal. Ordered by events,
            // not by the wall clock, so a loaded machine cannot fail it.
            #expect(root.waitForRecords(normal, timeout: 60))
            let normalDone = Date().timeIntervalSince(start)
            #expect(root.waitForRecords([("a", "slow1.pdf"), ("a", "slow2.pdf"), ("a", "huge.pdf")], timeout: 60), "\(daemon.output.suffix(2000))")
            let allDone = Date().timeIntervalSince(start)
            let allDoneIndex = recorder.count
            let records = root.records()
            func codes(_ name: String) -> [String] { records.first { $0.relativePath == name }?.findings.map(\.code) ?? [] }
            // The budget was enforced: the slow PDFs ran into it, the huge page into the memory cap.
            #expect(codes("slow1.pdf") == ["input.timeout"])
            #expect(codes("slow2.pdf") == ["input.timeout"])
            #expect(codes("huge.pdf") == ["input.parser_crashed"], "\(records.first { $0.relativePath == "huge.pdf" }?.findings ?? [])")
            #expect(allDone >= budget, "the slow PDFs ended before their budget: \(allDone) s")
            let order = records.map(\.relativePath)
            let lastOrdinary = normal.compactMap { name in order.lastIndex(of: name.1) }.max() ?? Int.max
            let firstHostile = ["slow1.pdf", "slow2.pdf", "huge.pdf"].compactMap { order.firstIndex(of: $0) }.min() ?? -1
            #expect(lastOrdinary < firstHostile, "ordinary reports waited for the slow ones: \(order)")
            // The watchdog kept pinging while the children ran, and after.
            let during = recorder.all[startIndex..<allDoneIndex].filter { $0.text == "WATCHDOG=1" }
            #expect(during.count >= 2, "\(during.count) pings while the hostile PDFs were read (\(allDone) s)")
            let last = recorder.count - 1
            let next = recorder.waitFor(after: last, timeout: 30) { $0.text == "WATCHDOG=1" } ?? last
            #expect(recorder.waitFor(after: next, timeout: 30) { $0.text == "WATCHDOG=1" } != nil)
            #expect(daemon.isAlive)
            print("hostile PDFs: 20 ordinary reports judged in \(normalDone) s, hostile verdicts after \(allDone) s")
        }

        /// A reader child that crashes (killed here with SIGSEGV, as a poppler bug would)
        /// costs its report a fail verdict naming the signal; the daemon goes on.
        @Test func crashingReaderGivesAFailVerdictWithTheSignal() throws {
            let root = try DaemonSystemdRoot()
            let recorder = try NotifyRecorder(path: root.root + "/notify.sock")
            defer { recorder.stop() }
            let daemon = try Self.startDaemon(root, recorder: recorder, timeout: 20)
            defer { daemon.signal(SIGKILL); _ = daemon.waitForExit(timeout: 10) }
            _ = try #require(recorder.waitFor(timeout: 30) { $0.text == "READY=1" }, "no READY=1: \(daemon.output)")
            try root.drop(Self.hostile("slow-20pages.pdf"), as: "crash.pdf", into: "a")
            var child: pid_t?
            #expect(Wait.until(timeout: 10) {
                child = ChildProcesses.of(daemon.pid).first
                return child != nil
            })
            let pid = try #require(child)
            // Killed while it parses (a child that dies before it took the document is
            // replaced without blaming it): once it has used some CPU on the document.
            #expect(Wait.until(timeout: 10) { ChildProcesses.cpuTicks(pid) >= 20 })
            kill(pid, SIGSEGV)
            #expect(root.waitForRecords([("a", "crash.pdf")], timeout: 10))
            let finding = root.records().first { $0.relativePath == "crash.pdf" }?.findings.first
            #expect(finding?.code == "input.parser_crashed")
            #expect(finding?.message.contains("信号 11") == true, "\(finding?.message ?? "")")
            #expect(daemon.isAlive)
        }

        /// The daemon itself dies (SIGKILL) while judging a file, on every start:
        /// after the bounded attempts the file gets a fail verdict and the daemon runs on.
        @Test func fileThatKeepsKillingTheDaemonIsFailedAfterBoundedAttempts() throws {
            let root = try DaemonSystemdRoot()
            try root.drop(Self.hostile("slow-20pages.pdf"), as: "poison.pdf", into: "a")
            for attempt in 1...3 {
                let recorder = try NotifyRecorder(path: root.root + "/notify.sock")
                let daemon = try Self.startDaemon(root, recorder: recorder, timeout: 20)
                #expect(Wait.until(timeout: 20) { !ChildProcesses.of(daemon.pid).isEmpty }, "attempt \(attempt): no child")
                let children = ChildProcesses.of(daemon.pid)
                daemon.signal(SIGKILL)
                _ = daemon.waitForExit(timeout: 10)
                for pid in children { kill(-pid, SIGKILL) }
                recorder.stop()
                unlink(root.root + "/notify.sock")
                #expect(!root.records().contains { $0.relativePath == "poison.pdf" })
            }
            let recorder = try NotifyRecorder(path: root.root + "/notify.sock")
            defer { recorder.stop() }
            let daemon = try Self.startDaemon(root, recorder: recorder, timeout: 20)
            defer { daemon.signal(SIGKILL); _ = daemon.waitForExit(timeout: 10) }
            #expect(root.waitForRecords([("a", "poison.pdf")], timeout: 15))
            let record = root.records().first { $0.relativePath == "poison.pdf" }
            #expect(record?.verdict == .fail)
            #expect(record?.findings.map(\.code) == ["input.check_crashed"])
            #expect(ChildProcesses.of(daemon.pid).isEmpty, "the poison file was not read again")
            #expect(daemon.isAlive)
        }

        /// SIGTERM while a child runs: the child is killed, the daemon stops at once
        /// (STOPPING=1, exit 0), and the file is judged at the next start.
        @Test func stopKillsChildrenAndTheFileIsJudgedNextTime() throws {
            let root = try DaemonSystemdRoot()
            let recorder = try NotifyRecorder(path: root.root + "/notify.sock")
            let daemon = try Self.startDaemon(root, recorder: recorder, timeout: 20)
            _ = try #require(recorder.waitFor(timeout: 30) { $0.text == "READY=1" }, "no READY=1: \(daemon.output)")
            try root.drop(Self.hostile("slow-20pages.pdf"), as: "slow.pdf", into: "a")
            #expect(Wait.until(timeout: 10) { !ChildProcesses.of(daemon.pid).isEmpty })
            let children = ChildProcesses.of(daemon.pid)
            daemon.signal(SIGTERM)
            // Exit well inside the child's 20 s budget: the stop did not wait for the child.
            let (_, status) = daemon.waitForExit(timeout: 15)
            #expect(status == 0)
            #expect(recorder.all.contains { $0.text.contains("STOPPING=1") })
            #expect(children.allSatisfy { kill($0, 0) != 0 }, "children survived the stop")
            #expect(!root.records().contains { $0.relativePath == "slow.pdf" })
            recorder.stop()
            unlink(root.root + "/notify.sock")

            // Next start: judged again (2 s budget now, so it times out quickly).
            let again = try NotifyRecorder(path: root.root + "/notify.sock")
            defer { again.stop() }
            let second = try Self.startDaemon(root, recorder: again, timeout: 2)
            defer { second.signal(SIGKILL); _ = second.waitForExit(timeout: 10) }
            #expect(root.waitForRecords([("a", "slow.pdf")], timeout: 15))
            #expect(root.records().first { $0.relativePath == "slow.pdf" }?.findings.map(\.code) == ["input.timeout"])
        }
    }
}

/// Child processes of a process, from /proc.
enum ChildProcesses {
    /// User plus system CPU time of a process, in clock ticks (usually 1/100 s).
    static func cpuTicks(_ pid: pid_t) -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return 0 }
        return user + system
    }

    static func of(_ parent: pid_t) -> [pid_t] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { Int32($0) }.filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 2 && Int32(fields[1]) == parent
        }
    }
}
