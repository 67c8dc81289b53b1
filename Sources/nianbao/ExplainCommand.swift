import ArgumentParser
import NianbaoEngine

/// `nianbao explain [CODE]`: the rules, or one rule in detail.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "List the rules, or explain one rule."
    )

    @Argument(help: "A finding code, e.g. table2.row_sum.")
    var code: String?

    func run() throws {
        guard let code else {
            for rule in RuleCode.allCases {
                print("\(rule.rawValue.padding(toLength: 34, withPad: " ", startingAt: 0)) \(rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(rule.title)")
            }
            return
        }
        guard let rule = RuleCode(rawValue: code) else {
            throw ValidationError("unknown code '\(code)'; run 'nianbao explain' for the list")
        }
        print("\(rule.rawValue) (\(rule.severity.rawValue)): \(rule.title)\n")
        print(rule.explanation)
    }
}
