import Foundation
import NianbaoTestSupport
import Testing

/// Drift guard: every option each subcommand's `--help` lists is documented in the README.
@Suite(.offPool) struct ReadmeFlagsTests {
    static let commands = ["check", "watch", "status", "export", "remind", "explain", "review", "extract"]

    @Test(arguments: commands)
    func everyFlagIsInTheReadme(command: String) throws {
        let help = try Subprocess.run([Binaries.nianbao, command, "--help"])
        let readme = try String(contentsOf: Fixtures.repositoryFile("README.md"), encoding: .utf8)
        let regex = try NSRegularExpression(pattern: "--[a-z][a-z0-9-]+")
        let text = help.output + help.stderr
        let flags = Set(regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }).subtracting(["--help", "--version"])
        #expect(!flags.isEmpty || ["explain", "extract"].contains(command), "no options parsed from: \(text)")
        for flag in flags.sorted() {
            #expect(readme.contains("`nianbao \(command)") && readme.contains(flag), "nianbao \(command) \(flag) is not in the README")
        }
    }
}
