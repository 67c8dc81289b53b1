/// One family of checks over a parsed report.
public protocol Rule: Sendable {
    /// Returns the findings this rule raises for `report`. Must not crash on any report.
    func check(_ report: Report, _ document: SourceDocument) -> [Finding]
}

/// The rules the engine applies, in the order their findings are reported.
enum RuleSet {
    static let all: [any Rule] = []
}
