import NianbaoEngine

extension VerdictRecord {
    /// Whether the file could not be read as a report at all (its first finding is an
    /// `input.*` code: unreadable, unsupported, too large, a crashed or timed-out reader);
    /// the loop counts those as refusals.
    public var isRefused: Bool {
        verdict == .fail && (findings.first?.code.hasPrefix("input.") ?? false)
    }

    /// "pass", "warn", "fail" or "refused": the verdict as the dashboard and metrics group it.
    public var outcomeName: String {
        isRefused ? "refused" : verdict.rawValue
    }
}
