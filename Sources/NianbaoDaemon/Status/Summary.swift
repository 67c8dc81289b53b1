import NianbaoEngine

/// Counts by verdict, per drop folder and in total (`summary.json`).
public struct Summary: Sendable, Hashable, Codable {
    /// Counts of current reports by verdict.
    public struct Counts: Sendable, Hashable, Codable {
        public var pass = 0
        public var warn = 0
        public var fail = 0
        public var total: Int { pass + warn + fail }

        public init() {}

        public mutating func add(_ verdict: Verdict, _ delta: Int = 1) {
            switch verdict {
            case .pass: pass += delta
            case .warn: warn += delta
            case .fail: fail += delta
            }
        }

        enum CodingKeys: String, CodingKey { case pass, warn, fail, total }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            pass = try c.decode(Int.self, forKey: .pass)
            warn = try c.decode(Int.self, forKey: .warn)
            fail = try c.decode(Int.self, forKey: .fail)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(pass, forKey: .pass)
            try c.encode(warn, forKey: .warn)
            try c.encode(fail, forKey: .fail)
            try c.encode(total, forKey: .total)
        }
    }

    public var total = Counts()
    public var drops: [String: Counts] = [:]
    /// ISO 8601 time of the last change.
    public var updated: String

    public init(records: [ReportKey: VerdictRecord], drops names: [String], updated: String) {
        self.updated = updated
        for name in names { drops[name] = Counts() }
        for (key, record) in records {
            total.add(record.verdict)
            drops[key.drop, default: Counts()].add(record.verdict)
        }
    }

    /// "1,204 reports: 1,150 pass, 42 warn, 12 fail".
    public var line: String {
        "\(total.total.grouped) reports: \(total.pass.grouped) pass, \(total.warn.grouped) warn, \(total.fail.grouped) fail"
    }
}

extension Int {
    /// The number with thousands separators: 1204 → "1,204".
    var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (self < 0 ? "-" : "") + out
    }
}
