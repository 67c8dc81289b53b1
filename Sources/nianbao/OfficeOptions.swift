import ArgumentParser
import NianbaoDaemon
import NianbaoEngine
import NianbaoOffice

/// The options `status`, `export` and `remind` share: where the status directory and the
/// roster are (from the configuration file, overridden by flags) and which day it is.
struct OfficeOptions: ParsableArguments {
    @Option(help: "JSON configuration file (its state.statusDirectory and roster are used).")
    var config: String?

    @Option(name: .customLong("status-dir"), help: ArgumentHelp(
        "Status directory (overrides the file; default ./state/status). Repeat as [SITE=]DIR to combine several sites.",
        valueName: "[SITE=]DIR"))
    var statusDirs: [String] = []

    @Option(help: ArgumentHelp("A folder of sites' status directories, <dir>/<site>/ (e.g. copied there by rsync), combined.",
                               valueName: "DIR"))
    var sites: String?

    @Option(help: "Roster CSV of the agencies expected to report (overrides the file's roster).")
    var roster: String?

    @Option(help: "Compute as of this date, YYYY-MM-DD (default: today in China Standard Time).")
    var today: String?

    /// The settings the office commands use.
    struct Resolved {
        var statusDirectory: String
        var roster: Roster?
        var today: CivilDate
        /// Several sites' status directories to combine (empty: the one status directory).
        var sites: [SiteDirectory] = []

        /// The status records: the one directory's, or every site's combined.
        var records: StatusRecords {
            sites.isEmpty ? StatusRecords(directory: StatusDirectory(root: statusDirectory))
                : StatusRecords(sites: sites.map { (name: $0.name, directory: StatusDirectory(root: $0.path)) })
        }
    }

    func validate() throws {
        if let today, CivilDate(iso: today) == nil { throw ValidationError("--today must be a date YYYY-MM-DD, not '\(today)'") }
        if sites != nil && !statusDirs.isEmpty { throw ValidationError("give either --sites or --status-dir, not both") }
        let names = statusDirs.count > 1 ? statusDirs.map { SiteDirectory(argument: $0).name } : []
        if Set(names).count != names.count { throw ValidationError("two --status-dir have the same site name: name them SITE=DIR") }
    }

    /// The sites asked for: every --status-dir when there are several (or one is named
    /// SITE=DIR), or the folders of --sites; empty for one plain status directory.
    func siteDirectories() throws -> [SiteDirectory] {
        if let sites {
            let found = try SiteDirectory.folders(of: sites)
            guard !found.isEmpty else { throw ValidationError("--sites \(sites): no site folders in it") }
            return found
        }
        let given = statusDirs.map(SiteDirectory.init(argument:))
        return given.count > 1 || given.contains(where: \.named) ? given : []
    }

    /// Reads the configuration and the roster; a configuration or roster error is printed
    /// and exits 2, as `watch` does.
    func resolve() async throws -> Resolved {
        var overrides = ConfigurationLoader.Overrides()
        let sites = try siteDirectories()
        overrides.statusDirectory = sites.isEmpty ? statusDirs.first : sites[0].path
        overrides.rosterFile = roster
        let loaded: DaemonConfiguration
        do {
            loaded = try await ConfigurationLoader().load(file: config, overrides: overrides)
        } catch {
            FileHandleOutput.standardError("nianbao: \(error)")
            throw ExitCode(2)
        }
        return Resolved(statusDirectory: loaded.statusDirectory, roster: loaded.roster,
                        today: today.flatMap(CivilDate.init(iso:)) ?? OfficeClock.today(), sites: sites)
    }
}
