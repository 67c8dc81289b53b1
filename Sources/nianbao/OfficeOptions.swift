import ArgumentParser
import NianbaoDaemon
import NianbaoEngine
import NianbaoOffice

/// The options `status`, `export` and `remind` share: where the status directory and the
/// roster are (from the configuration file, overridden by flags) and which day it is.
struct OfficeOptions: ParsableArguments {
    @Option(help: "JSON configuration file (its state.statusDirectory and roster are used).")
    var config: String?

    @Option(name: .customLong("status-dir"), help: "Status directory (overrides the file; default ./state/status).")
    var statusDir: String?

    @Option(help: "Roster CSV of the agencies expected to report (overrides the file's roster).")
    var roster: String?

    @Option(help: "Compute as of this date, YYYY-MM-DD (default: today in China Standard Time).")
    var today: String?

    /// The settings the office commands use.
    struct Resolved {
        var statusDirectory: String
        var roster: Roster?
        var today: CivilDate
    }

    func validate() throws {
        if let today, CivilDate(iso: today) == nil { throw ValidationError("--today must be a date YYYY-MM-DD, not '\(today)'") }
    }

    /// Reads the configuration and the roster; a configuration or roster error is printed
    /// and exits 2, as `watch` does.
    func resolve() async throws -> Resolved {
        var overrides = ConfigurationLoader.Overrides()
        overrides.statusDirectory = statusDir
        overrides.rosterFile = roster
        let loaded: DaemonConfiguration
        do {
            loaded = try await ConfigurationLoader().load(file: config, overrides: overrides)
        } catch {
            FileHandleOutput.standardError("nianbao: \(error)")
            throw ExitCode(2)
        }
        return Resolved(statusDirectory: loaded.statusDirectory, roster: loaded.roster,
                        today: today.flatMap(CivilDate.init(iso:)) ?? OfficeClock.today())
    }
}
