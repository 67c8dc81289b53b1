import NianbaoOffice
import NianbaoPlatform
import NianbaoViews

/// Writes the outputs derived from the whole state, atomically, each only when
/// its bytes changed: `<status>/years/<year>.json`, `<status>/index.html` and
/// the metrics file. Blocking: the effects loop calls it on a Dispatch thread,
/// at most about once a second, and never while idle.
public struct DerivedOutputs: Sendable {
    public var statusDirectory: StatusDirectory
    /// The node_exporter textfile (default `<status>/nianbao.prom`); nil: none.
    public var metricsFile: String?
    /// Whether `<status>/index.html` is written.
    public var dashboard: Bool

    /// What was written, so unchanged files are not rewritten.
    private let files = OutputFiles()
    private let page = DashboardOutput()

    public init(statusDirectory: StatusDirectory, metricsFile: String?, dashboard: Bool) {
        self.statusDirectory = statusDirectory
        self.metricsFile = metricsFile
        self.dashboard = dashboard
    }

    /// Writes what changed; returns the errors met (each one line of English).
    ///
    /// "Today" (for the years in progress and the days left) is the date in China
    /// Standard Time at `state.time`.
    public func write(_ state: PublishedState) -> [String] {
        let today = Arrival(seconds: state.time.timeIntervalSince1970).date(utcOffsetSeconds: YearStatus.chinaStandardTime)
        let years = YearSummaries.compute(records: state.records, roster: state.roster, today: today)
        var errors = YearSummaries.write(years, to: statusDirectory, files: files)
        if dashboard {
            let model = DashboardMapping.model(state, years: years)
            if let error = page.write(model, in: statusDirectory.tree, files: files) { errors.append(error) }
        } else {
            // A page left from a run with the dashboard on would go stale.
            do { try files.remove(DashboardOutput.path, in: statusDirectory.tree) } catch { errors.append("dashboard: \(error)") }
        }
        if let metricsFile {
            let text = MetricsText.render(MetricsMapping.snapshot(state, years: years))
            // World-readable: node_exporter reads it as its own user.
            let (tree, path) = SafeTreeWriter.forFile(metricsFile, filePermissions: [.ownerReadWrite, .groupRead, .otherRead])
            do { try files.write(Array(text.utf8), to: path, in: tree) } catch {
                errors.append("metrics file \(metricsFile): \(error)")
            }
        }
        return errors
    }
}

