import Foundation
import Glibc
import NianbaoDaemon
import NianbaoPlatform
import Testing
import NianbaoTestSupport

/// One entry as `journalctl -o json --all` prints it: every field as a list of
/// raw values (binary or multi-line values arrive as arrays of byte numbers,
/// repeated fields as arrays of values).
struct DaemonSystemdJournalEntry {
    let fields: [String: [[UInt8]]]

    init(json: [String: Any]) {
        var fields: [String: [[UInt8]]] = [:]
        for (name, value) in json { fields[name] = Self.values(value) }
        self.fields = fields
    }

    private static func values(_ value: Any) -> [[UInt8]] {
        if let text = value as? String { return [Array(text.utf8)] }
        if let many = value as? [Any], !many.isEmpty, many.allSatisfy({ $0 is NSNumber && !($0 is String) }),
           let numbers = many as? [NSNumber] {
            return [numbers.map { $0.uint8Value }]
        }
        if let many = value as? [Any] { return many.flatMap(values) }
        return []
    }

    /// The only value of `name` as text, or nil if absent or repeated.
    subscript(name: String) -> String? {
        guard let values = fields[name], values.count == 1 else { return nil }
        return String(decoding: values[0], as: UTF8.self)
    }
}

/// The harness runs as root with unshare(1) and a journald binary; else skip.
private var journalHarnessAvailable: Bool {
    getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")
        && FileManager.default.isExecutableFile(atPath: "/lib/systemd/systemd-journald")
}

/// Runs `arguments` through /usr/bin/env, waits, returns (status, stdout, stderr).
private func runTool(_ arguments: [String]) throws -> (Int32, Data, String) {
    let result = try Subprocess.run(arguments)
    return (result.status, result.stdout, result.stderr)
}

/// Inside the private journald: start the daemon (journal logging forced),
/// move the staged reports into drop folder `a`, wait for 4 verdict-journal
/// records, provoke a failed reload (logged through swift-log), then SIGTERM
/// and exit with the daemon's status. $1 binary, $2 config, $3 root.
private let journalScript = #"""
set -u
NIANBAO=$1 CONFIG=$2 ROOT=$3
NIANBAO_LOG=journal "$NIANBAO" watch --config "$CONFIG" >"$ROOT/daemon.out" 2>&1 &
PID=$!
fail() { echo "script: $1" >&2; cat "$ROOT/daemon.out" >&2; kill -KILL "$PID" 2>/dev/null; exit 90; }
i=0
until grep -q 'started' "$ROOT/daemon.out" 2>/dev/null; do
    i=$((i + 1)); [ "$i" -gt 1200 ] && fail "daemon did not start"; sleep 0.05
done
for f in "$ROOT"/stage/*; do mv "$f" "$ROOT/a/" || fail "mv $f"; done
i=0
while [ "$(cat "$ROOT/state/verdicts.jsonl" 2>/dev/null | wc -l)" -lt 5 ]; do
    i=$((i + 1)); [ "$i" -gt 1200 ] && fail "fewer than 5 verdicts"; sleep 0.05
done
printf '{"drops": 5}\n' >"$CONFIG.bad" && mv "$CONFIG.bad" "$CONFIG"
kill -HUP "$PID"
i=0
until grep -q 'reload failed' "$ROOT/daemon.out"; do
    i=$((i + 1)); [ "$i" -gt 600 ] && fail "reload did not fail"; sleep 0.05
done
kill -TERM "$PID"
wait "$PID"
"""#

extension DaemonSystemd {
    /// The real daemon's structured journal entries, through a private
    /// systemd-journald (`Tests/Harness/with-journald.sh`), read back with journalctl.
    @Suite(.offPool, .serialized, .timeLimit(.minutes(3)),
           .enabled(if: journalHarnessAvailable, "needs root, unshare(1) and /lib/systemd/systemd-journald (with-journald.sh would exit 77)"))
    struct Journal {
        static let oddName = "odd\n\"name\"\nPRIORITY=0\nNIANBAO_VERDICT=pass.txt"
        /// "年报.txt" in GBK bytes: not valid UTF-8.
        static let gbkName = FileNameCoding.decode([0xC4, 0xEA, 0xB1, 0xA8] + Array(".txt".utf8))

        @Test func verdictEntriesCarryEveryFieldIntact() throws {
            let root = try DaemonSystemdRoot()
            try root.writeConfig(drops: ["a"])
            let staged: [(name: String, sample: String)] = [
                ("fail.txt", DaemonSystemdSamples.failing),
                ("warn.txt", DaemonSystemdSamples.warning),
                ("pass.txt", DaemonSystemdSamples.passing),
                (Self.oddName, "001_53afeb125be3f4fc.txt"),
                (Self.gbkName, "003_458875e39d02c745.txt"),
            ]
            var contents: [String: [UInt8]] = [:]
            for item in staged {
                let bytes = Fixtures.sample(item.sample)
                try #require(!bytes.isEmpty, "missing fixture \(item.sample)")
                contents[item.name] = bytes
                let fd = FileNameCoding.withCString(root.root + "/stage/" + item.name) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
                try #require(fd >= 0)
                _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
            }
            let out = root.root + "/journal"
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)

            let harness = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Harness/with-journald.sh").path
            let (status, stdout, stderr) = try runTool([harness, out, "sh", "-c", journalScript, "sh", Binaries.nianbao, root.config, root.root])
            if status == 77 {
                try Test.cancel("skipped: with-journald.sh cannot run here (exit 77): \(stderr)")
            }
            let daemonOutput = (try? String(contentsOfFile: root.root + "/daemon.out", encoding: .utf8)) ?? ""
            try #require(status == 0, "harness/daemon exited \(status): \(stderr) \(String(decoding: stdout, as: UTF8.self)) daemon: \(daemonOutput)")

            // Ground truth: the verdict journal file.
            let records = root.records()
            #expect(records.count == 5, "verdict journal: \(records.map { $0.relativePath ?? "?" })")

            let read = try runTool(["journalctl", "--directory=\(out)", "-o", "json", "--all", "--no-pager"])
            try #require(read.0 == 0, "journalctl failed: \(read.2)")
            let entries = try String(decoding: read.1, as: UTF8.self).split(separator: "\n").map { line in
                DaemonSystemdJournalEntry(json: try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]))
            }
            let nianbao = entries.filter { $0["SYSLOG_IDENTIFIER"] == "nianbao" }
            let verdicts = nianbao.filter { $0.fields["NIANBAO_VERDICT"] != nil }
            #expect(verdicts.count == 5, "verdict entries: \(verdicts.count) of \(nianbao.count) nianbao entries")

            let allowed: Set<String> = [
                "MESSAGE", "PRIORITY", "MESSAGE_ID", "SYSLOG_IDENTIFIER", "NIANBAO_EVENT", "NIANBAO_VERDICT", "NIANBAO_PATH",
                "NIANBAO_DROP", "NIANBAO_RELATIVE_PATH", "NIANBAO_SHA256", "NIANBAO_ERRORS", "NIANBAO_WARNINGS",
                "NIANBAO_CODES", "NIANBAO_FORMAT", "NIANBAO_AGENCY", "NIANBAO_YEAR", "NIANBAO_TEMPLATE",
            ]
            for item in staged {
                let name = item.name
                let shown = name.replacingOccurrences(of: "\n", with: "\\n")
                let record = try #require(records.first { $0.relativePath == name }, "no verdict-journal record for \(shown)")
                let path = root.drop("a") + "/" + name
                let matching = verdicts.filter { $0.fields["NIANBAO_PATH"] == [FileNameCoding.encode(path)] }
                #expect(matching.count == 1, "\(shown): \(matching.count) journal entries with its exact path")
                guard let entry = matching.first else { continue }

                // Nothing forged from the name: only known fields, each single-valued.
                let own = Set(entry.fields.keys.filter { !$0.hasPrefix("_") })
                #expect(own.isSubset(of: allowed), "\(shown): unexpected fields \(own.subtracting(allowed).sorted())")
                for (field, values) in entry.fields where !field.hasPrefix("_") {
                    #expect(values.count == 1, "\(shown): \(field) has \(values.count) values")
                }
                let (priority, id, prefix): (String, MessageID, String) = switch record.verdict.rawValue {
                case "fail": ("3", .verdictFail, "年报未通过：")
                case "warn": ("4", .verdictWarn, "年报有警告：")
                default: ("6", .verdictPass, "年报通过：")
                }
                #expect(entry.fields["PRIORITY"] == [Array(priority.utf8)], "\(shown): PRIORITY \(String(describing: entry.fields["PRIORITY"]))")
                #expect(entry["MESSAGE_ID"] == id.rawValue)
                #expect(entry["SYSLOG_IDENTIFIER"] == "nianbao")
                #expect(entry["NIANBAO_VERDICT"] == record.verdict.rawValue)
                #expect(entry["NIANBAO_EVENT"] == "new")
                #expect(entry["NIANBAO_DROP"] == "a")
                #expect(entry.fields["NIANBAO_RELATIVE_PATH"] == [FileNameCoding.encode(name)])
                #expect(entry["NIANBAO_SHA256"] == ContentHash.sha256(contents[name] ?? []))
                #expect(entry["NIANBAO_SHA256"] == record.sha256)
                #expect(entry["NIANBAO_AGENCY"] == record.agency)
                #expect(entry["NIANBAO_YEAR"] == record.year.map(String.init))
                #expect(entry["NIANBAO_TEMPLATE"] == record.template)
                #expect(entry["NIANBAO_ERRORS"] == String(record.findings.filter { $0.severity == "error" }.count))
                #expect(entry["NIANBAO_WARNINGS"] == String(record.findings.filter { $0.severity == "warning" }.count))
                #expect(entry["NIANBAO_CODES"] == record.codes.joined(separator: " "))
                let message = entry["MESSAGE"] ?? ""
                #expect(message.hasPrefix(prefix), "\(shown): MESSAGE \(message)")
                if let agency = record.agency { #expect(message.contains(agency), "\(shown): MESSAGE \(message)") }
                if let year = record.year { #expect(message.contains("\(year)年"), "\(shown): MESSAGE \(message)") }
            }
            // The fixtures cover all three verdicts, and the agency is recognised.
            #expect(Set(records.map(\.verdict.rawValue)) == ["pass", "warn", "fail"])
            #expect(records.first { $0.relativePath == "fail.txt" }?.agency == "洪泽区人民政府")
            // No entry anywhere was forged from the odd name.
            #expect(!entries.contains { $0.fields["PRIORITY"]?.contains(Array("0".utf8)) == true })
            #expect(!nianbao.contains { $0.fields.keys.contains { $0.contains("NAME") && !$0.hasPrefix("_") } })

            // Daemon notices: started and stopping, with MESSAGE_ID and PRIORITY 5.
            let started = nianbao.filter { $0["MESSAGE_ID"] == MessageID.daemonStarted.rawValue }
            #expect(started.count == 1)
            #expect(started.first?["PRIORITY"] == "5")
            #expect(started.first?["MESSAGE"] == "nianbao 已启动，监视 1 个投递目录")
            #expect(started.first?["NIANBAO_EVENT"]?.hasPrefix("started, watching ") == true)
            let stopping = nianbao.filter { $0["MESSAGE_ID"] == MessageID.daemonStopping.rawValue }
            #expect(stopping.count == 1)
            #expect(stopping.first?["PRIORITY"] == "5")
            #expect(stopping.first?["MESSAGE"] == "nianbao 正在停止")

            // The failed reload: a notice entry and the daemon's own swift-log
            // entry (JournalLogHandler: CODE_FILE, NIANBAO_SOURCE), both priority 3.
            let failureNotice = nianbao.filter { $0["MESSAGE"]?.hasPrefix("nianbao 错误：reload failed") == true }
            #expect(failureNotice.count == 1)
            #expect(failureNotice.first?["PRIORITY"] == "3")
            let logged = nianbao.filter { $0["MESSAGE"]?.hasPrefix("reload failed, keeping the previous configuration") == true }
            #expect(logged.count == 1, "swift-log entries: \(nianbao.compactMap { $0["CODE_FILE"] != nil ? $0["MESSAGE"] : nil })")
            #expect(logged.first?["PRIORITY"] == "3")
            #expect(logged.first?["CODE_FILE"]?.hasSuffix("DropLoop+Effects.swift") == true)
            #expect(logged.first?["NIANBAO_SOURCE"] != nil)
            // Every entry came from the daemon's process over the native protocol.
            #expect(Set(nianbao.compactMap { $0["_PID"] }).count == 1)
            #expect(nianbao.allSatisfy { $0["_TRANSPORT"] == "journal" })
        }
    }
}
