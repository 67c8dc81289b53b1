import Configuration
import SystemPackage

/// Reads the JSON configuration file (with swift-configuration) and applies
/// command-line overrides.
///
/// File keys: `drops` (array of "PATH" or "NAME=PATH"), `roster` (the roster CSV; null or
/// absent: no roster), `state.statusDirectory`,
/// `state.journalFile`, `state.marksFile` (review marks; default `marks.jsonl` beside the journal),
/// `state.receiptDirectory` (receipts for the uploaders; null or absent: none),
/// `journal.maxBytes` (rotate the journal past this size, default 256 MiB), `journal.keep` (segments kept, default 4),
/// `output.metricsFile` (the node_exporter textfile; default `<status directory>/nianbao.prom`),
/// `output.dashboard` (`<status directory>/index.html`, default true), `watch.settleMilliseconds`, `watch.maxFileBytes`,
/// `watch.workers` (0 = number of cores), `watch.createDrops`, `watch.mode`, `watch.pollSeconds`, `watch.pollRecheckEvery`,
/// `watch.dropModes` (see ``WatchModeSettings``), `output.printVerdicts`,
/// `parse.timeoutSeconds`, `parse.memoryMegabytes`, `convert.timeoutSeconds`, `convert.memoryMegabytes`,
/// `convert.parallel` (0 = from the cores and the memory).
public struct ConfigurationLoader: Sendable {
    /// Flags given on the command line; each overrides the file.
    public struct Overrides: Sendable {
        public var drops: [String] = []
        public var statusDirectory: String?
        public var journalFile: String?
        /// `--marks-file FILE`.
        public var marksFile: String?
        public var settleMilliseconds: Int?
        public var workers: Int?
        public var createDrops: Bool?
        /// `--roster FILE`.
        public var rosterFile: String?
        /// `--metrics-file FILE`.
        public var metricsFile: String?
        /// `--receipt-dir DIR`.
        public var receiptDirectory: String?
        /// `--no-dashboard` (false).
        public var dashboard: Bool?
        public init() {}
    }

    public init() {}

    /// Loads `file` (nil: no file, defaults only) and applies `overrides`.
    public func load(file: String?, overrides: Overrides) async throws -> DaemonConfiguration {
        var config = DaemonConfiguration()
        var dropModes: [String]?
        if let file {
            try ConfigurationKeys.checkUnknown(in: file)
            let provider: FileProvider<JSONSnapshot>
            do {
                provider = try await FileProvider<JSONSnapshot>(filePath: FilePath(file))
            } catch {
                throw ConfigurationError(key: file, reason: "cannot read configuration file: \(error)")
            }
            let reader = ConfigReader(provider: provider)
            let values = KeyedValues(reader: reader)
            if let drops = try values.stringArray("drops") {
                config.drops = try drops.map { spec throws(ConfigurationError) in try DropFolder(specification: spec) }
            }
            if let v = try values.string("roster") { config.rosterFile = try nonEmpty(v, "roster") }
            if let v = try values.string("state.statusDirectory") { config.statusDirectory = try nonEmpty(v, "state.statusDirectory") }
            if let v = try values.string("state.journalFile") { config.journalFile = try nonEmpty(v, "state.journalFile") }
            if let v = try values.string("state.marksFile") { config.marksFile = try nonEmpty(v, "state.marksFile") }
            if let v = try values.string("state.receiptDirectory") {
                config.receiptDirectory = try nonEmpty(v, "state.receiptDirectory")
            }
            if let v = try values.string("output.metricsFile") { config.metricsFile = try nonEmpty(v, "output.metricsFile") }
            if let v = try values.bool("output.dashboard") { config.dashboard = v }
            if let v = try values.int("journal.maxBytes") { config.journalMaxBytes = try ranged(v, (1 << 20)...(1 << 40), "journal.maxBytes") }
            if let v = try values.int("journal.keep") { config.journalKeep = try ranged(v, 1...1000, "journal.keep") }
            if let v = try values.int("watch.settleMilliseconds") {
                config.settle = .milliseconds(try ranged(v, 0...60_000, "watch.settleMilliseconds"))
            }
            if let v = try values.int("watch.maxFileBytes") { config.maxFileBytes = try ranged(v, 1...(4 << 30), "watch.maxFileBytes") }
            if let v = try values.int("watch.workers") {
                let n = try ranged(v, 0...256, "watch.workers")
                config.workers = n == 0 ? DaemonConfiguration.cores : n
            }
            if let v = try values.bool("output.printVerdicts") { config.printVerdicts = v }
            if let v = try values.bool("watch.createDrops") { config.createDrops = v }
            if let v = try values.string("watch.mode") { config.watching.mode = try WatchModeSettings.parseMode(v, key: "watch.mode") }
            if let v = try values.int("watch.pollSeconds") { config.watching.pollSeconds = try ranged(v, 1...3600, "watch.pollSeconds") }
            if let v = try values.int("watch.pollRecheckEvery") {
                config.watching.pollRecheckEvery = try ranged(v, 1...100, "watch.pollRecheckEvery")
            }
            dropModes = try values.stringArray("watch.dropModes")
            if let v = try values.int("watch.retrySeconds") { config.hostRetrySeconds = try ranged(v, 1...3600, "watch.retrySeconds") }
            if let v = try values.int("parse.timeoutSeconds") { config.parseTimeoutSeconds = try ranged(v, 1...600, "parse.timeoutSeconds") }
            if let v = try values.int("parse.memoryMegabytes") {
                config.parseMemoryMegabytes = try ranged(v, 64...65_536, "parse.memoryMegabytes")
            }
            if let v = try values.int("convert.timeoutSeconds") { config.convertTimeoutSeconds = try ranged(v, 1...600, "convert.timeoutSeconds") }
            if let v = try values.int("convert.memoryMegabytes") {
                config.convertMemoryMegabytes = try ranged(v, 256...65_536, "convert.memoryMegabytes")
            }
            if let v = try values.int("convert.parallel") {
                let n = try ranged(v, 0...64, "convert.parallel")
                config.convertParallel = n == 0 ? LibreOfficeRun.defaultParallel : n
            }
        }
        if !overrides.drops.isEmpty {
            config.drops = try overrides.drops.map { spec throws(ConfigurationError) in try DropFolder(specification: spec) }
        }
        if let v = overrides.statusDirectory { config.statusDirectory = try nonEmpty(v, "--status-dir") }
        if let v = overrides.journalFile { config.journalFile = try nonEmpty(v, "--journal") }
        if let v = overrides.marksFile { config.marksFile = try nonEmpty(v, "--marks-file") }
        if let v = overrides.settleMilliseconds { config.settle = .milliseconds(try ranged(v, 0...60_000, "--settle-ms")) }
        if let v = overrides.createDrops { config.createDrops = v }
        if let v = overrides.metricsFile { config.metricsFile = try nonEmpty(v, "--metrics-file") }
        if let v = overrides.receiptDirectory { config.receiptDirectory = try nonEmpty(v, "--receipt-dir") }
        if let v = overrides.dashboard { config.dashboard = v }
        if let v = overrides.rosterFile { config.rosterFile = try nonEmpty(v, "--roster") }
        if let dropModes { config.watching.dropModes = try WatchModeSettings.parseDropModes(dropModes, drops: config.drops) }
        if let rosterFile = config.rosterFile {
            config.roster = try RosterFile.load(rosterFile, key: overrides.rosterFile != nil ? "--roster" : "roster")
        }
        if let v = overrides.workers {
            // The same range as watch.workers in the file: 0 means one per core.
            let n = try ranged(v, 0...256, "--workers")
            config.workers = n == 0 ? DaemonConfiguration.cores : n
        }
        return try config.validated()
    }

    private func nonEmpty(_ value: String, _ key: String) throws(ConfigurationError) -> String {
        guard !value.isEmpty else { throw ConfigurationError(key: key, reason: "must not be empty") }
        return value
    }

    private func ranged(_ value: Int, _ range: ClosedRange<Int>, _ key: String) throws(ConfigurationError) -> Int {
        guard range.contains(value) else {
            throw ConfigurationError(key: key, reason: "\(value) is out of range \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }
}

/// Typed lookups that tell "absent" (nil) from "present but of the wrong type" (error naming the key).
private struct KeyedValues {
    let reader: ConfigReader

    private func key(_ dotted: String) -> ConfigKey {
        ConfigKey(dotted.split(separator: ".").map(String.init))
    }

    private func typed<T>(_ dotted: String, _ type: String, optional: (ConfigKey) -> T?, required: (ConfigKey) throws -> T) throws(ConfigurationError) -> T? {
        let k = key(dotted)
        if let value = optional(k) { return value }
        do {
            return try required(k)
        } catch {
            if "\(error)".hasPrefix("Missing required") { return nil }
            throw ConfigurationError(key: dotted, reason: "expected \(type)")
        }
    }

    func string(_ dotted: String) throws(ConfigurationError) -> String? {
        try typed(dotted, "a string", optional: { reader.string(forKey: $0) }, required: { try reader.requiredString(forKey: $0) })
    }

    func int(_ dotted: String) throws(ConfigurationError) -> Int? {
        try typed(dotted, "an integer", optional: { reader.int(forKey: $0) }, required: { try reader.requiredInt(forKey: $0) })
    }

    func bool(_ dotted: String) throws(ConfigurationError) -> Bool? {
        try typed(dotted, "true or false", optional: { reader.bool(forKey: $0) }, required: { try reader.requiredBool(forKey: $0) })
    }

    func stringArray(_ dotted: String) throws(ConfigurationError) -> [String]? {
        try typed(dotted, "an array of strings", optional: { reader.stringArray(forKey: $0) }, required: { try reader.requiredStringArray(forKey: $0) })
    }
}
