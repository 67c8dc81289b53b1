import Foundation

/// Every key the configuration file may hold; anything else is refused at start
/// with the closest known key suggested (swift-configuration cannot list keys,
/// so the file's JSON is walked here once).
enum ConfigurationKeys {
    static let known: [String] = [
        "drops", "roster", "state.statusDirectory", "state.journalFile", "state.marksFile", "state.receiptDirectory",
        "watch.settleMilliseconds", "watch.maxFileBytes", "watch.workers", "watch.createDrops",
        "watch.mode", "watch.pollSeconds", "watch.pollRecheckEvery", "watch.dropModes", "watch.retrySeconds",
        "output.printVerdicts", "output.metricsFile", "output.dashboard",
        "parse.timeoutSeconds", "parse.memoryMegabytes", "convert.timeoutSeconds", "convert.memoryMegabytes",
        "convert.parallel", "journal.maxBytes", "journal.keep",
    ]

    /// Throws for the first key of the JSON file that is not known.
    static func checkUnknown(in file: String) throws(ConfigurationError) {
        guard let data = FileManager.default.contents(atPath: file),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return }
        for key in leafKeys(object, prefix: "").sorted() where !known.contains(key) {
            let hint = closest(to: key).map { "; did you mean '\($0)'?" } ?? ""
            throw ConfigurationError(key: key, reason: "unknown key\(hint)")
        }
    }

    /// Dotted keys of the leaves ("watch.workers"); arrays are leaves.
    private static func leafKeys(_ object: [String: Any], prefix: String) -> [String] {
        object.flatMap { key, value -> [String] in
            let dotted = prefix.isEmpty ? key : prefix + "." + key
            if let nested = value as? [String: Any] { return leafKeys(nested, prefix: dotted) }
            return [dotted]
        }
    }

    /// The known key within edit distance 3, if any.
    static func closest(to key: String) -> String? {
        let scored = known.map { ($0, distance(Array(key.lowercased()), Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 3 else { return nil }
        return best.0
    }

    /// Levenshtein distance.
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
