import NianbaoOffice

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

    public init(statusDirectory: StatusDirectory, metricsFile: String?, dashboard: Bool) {
        self.statusDirectory = statusDirectory
        self.metricsFile = metricsFile
        self.dashboard = dashboard
    }

    /// Writes what changed; returns the errors met (each one line of English).
    public func write(_ state: PublishedState) -> [String] {
        []
    }
}

/// The receipts directory: `<name>.结果.txt` and `<name>.结果.json` beside a
/// mirror of each report's path, for the uploader. Blocking.
public struct ReceiptWriter: Sendable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Writes (replaces) the receipts of a judged report.
    public func write(_ record: VerdictRecord, key: ReportKey) throws {}

    /// Removes the receipts of a removed report.
    public func remove(_ key: ReportKey) throws {}
}
