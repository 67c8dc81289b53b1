import Foundation
import Testing
import NianbaoTestSupport

extension DaemonSystemd.Boot {
    /// The package scripts/package.sh built into `.build/deb` (scripts/test.sh runs it before the
    /// tests), and a newer build of the same binary (version + "+upgrade") made here for the
    /// upgrade check. Without the first: a failure under CI, else the test is cancelled.
    static func packages(repo: String, out: String) throws -> (deb: String, newer: String) {
        let folder = repo + "/.build/deb"
        let debs = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix("nianbao_") && $0.hasSuffix(".deb") && !$0.contains("+upgrade") }.sorted()
        guard let deb = debs.last, FileManager.default.isExecutableFile(atPath: repo + "/.build/release/nianbao") else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "no package in \(folder): scripts/test.sh builds it")
            try Test.cancel("skipped: run scripts/package.sh --out .build/deb first")
        }
        let version = String(deb.dropFirst("nianbao_".count).prefix { $0 != "_" })
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let build = try Subprocess.run(["/bin/bash", repo + "/scripts/package.sh", "--binary", repo + "/.build/release/nianbao",
                                        "--version", version + "+upgrade", "--out", out, "--no-lintian"])
        #expect(build.status == 0, "package.sh (newer build): \(build.output) \(build.stderr)")
        let newer = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).first { $0.hasSuffix(".deb") }
        return (folder + "/" + deb, out + "/" + (newer ?? "missing.deb"))
    }

    /// The package's life and the many-hosts check, as boot-nspawn.sh reports them.
    static func expectPackageChecks(_ result: String) {
        for check in [
            "pass apt install ./nianbao_", "pass nianbao.service enabled by the package",
            "pass journal catalog updated", "pass man pages installed",
            // Upgrade: a newer build keeps state and the edited conffile, restarts the service.
            "+upgrade_amd64.deb (upgrade)", "pass edited conffile kept over the upgrade",
            "pass service restarted by the upgrade and active", "pass verdict journal kept", "pass status directory kept",
            "pass journal entries kept",
            // Remove stops it and keeps state; purge removes state, configuration and the user's files.
            "pass service stopped and binary removed by apt remove",
            "pass apt remove keeps the journal, the status directory, the configuration and the user",
            "pass apt purge removes state, logs, receipts and configuration", "pass no file of the nianbao user left",
            // Many hosts: the verdicts at the collector, every field.
            "pass journalctl --directory=/var/log/journal/remote NIANBAO_VERDICT=fail lists the failing verdicts",
            "pass every NIANBAO_* field arrived at the collector",
        ] {
            #expect(result.contains(check), "missing: \(check)\n\(result)")
        }
    }
}
