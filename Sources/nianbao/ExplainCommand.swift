import ArgumentParser
import NianbaoEngine

/// `nianbao explain [CODE]`: the rules, or one rule in detail.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "List the rules, or explain one rule."
    )

    @Argument(help: "A finding code, e.g. table2.row_sum, or 'review' for settled findings.")
    var code: String?

    /// `nianbao explain review`: findings the office settled after review.
    static let review = """
        review: settled findings (已核实)

        An office that reviewed a finding and accepts it records so:

          nianbao review FILE CODE [--cell TEXT] --reason "why it is accepted"

        FILE is the report, CODE the finding's code; --cell picks one of several findings with \
        that code by text of its message or location (a cell name such as "（七）总计 · 自然人"). \
        The finding is looked up in the daemon's status file of FILE (cross-year findings \
        included), or by checking FILE. The mark is appended to the marks file \
        (state.marksFile, default marks.jsonl beside the verdict journal; fsynced, a torn last \
        line tolerated, like the journal); the daemon sees the change and judges the report \
        again at once.

        A settled finding is still shown, marked 已核实 with its reason, in the journal record \
        ("settled": {"reason", "time"} on the finding), the status file, the receipt, the page \
        and `check --marks FILE`, but it no longer counts towards the verdict: a report whose \
        findings are all settled passes. The metrics count it as nianbao_findings_settled, \
        not nianbao_findings.

        A mark is keyed by the agency (matched across years, so 淮安市洪泽区人民政府 = \
        洪泽区人民政府), the report year, the code and a fingerprint of the finding's message. \
        It survives re-runs, restarts, a moved or renamed file and edits elsewhere in the report; \
        it does not survive a change of the cell's value or of the quoted text, since the message \
        names them ("表二 （七）总计 · 自然人：应为 3，实为 0"): the finding then counts again.

          nianbao review FILE CODE [--cell TEXT] --remove    takes a mark back
          nianbao review --list [--json]                     lists the marks in force
        """

    func run() throws {
        guard let code else {
            for rule in RuleCode.allCases {
                print("\(rule.rawValue.padding(toLength: 34, withPad: " ", startingAt: 0)) \(rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(rule.title)")
            }
            print("\nA finding reviewed and accepted by the office can be settled (已核实): nianbao explain review")
            return
        }
        if code == "review" {
            print(Self.review)
            return
        }
        guard let rule = RuleCode(rawValue: code) else {
            throw ValidationError("unknown code '\(code)'; run 'nianbao explain' for the list")
        }
        print("\(rule.rawValue) (\(rule.severity.rawValue)): \(rule.title)\n")
        print(rule.explanation)
        if rule.severity != .info {
            print("\nReviewed and accepted by the office, it can be settled so it no longer counts towards the verdict: " +
                  "nianbao review FILE \(rule.rawValue) --reason \"…\" (nianbao explain review).")
        }
    }
}
