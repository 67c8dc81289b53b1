/// Current reports by outcome.
public struct VerdictDistribution: Sendable, Hashable {
    /// Reports that pass.
    public var pass: Int
    /// Reports with warnings only.
    public var warn: Int
    /// Reports with errors.
    public var fail: Int
    /// Reports the daemon could not read (unreadable, unsupported or oversized files).
    public var refused: Int

    public init(pass: Int, warn: Int, fail: Int, refused: Int) {
        self.pass = pass
        self.warn = warn
        self.fail = fail
        self.refused = refused
    }

    /// All current reports.
    public var total: Int { pass + warn + fail + refused }
}
