import Foundation
import NianbaoDaemon
import NianbaoOffice
import Testing
import NianbaoTestSupport

/// The `roster` key and `--roster`: loaded and validated with the configuration, re-read
/// by every load (the daemon's SIGHUP reload calls the same loader).
@Suite(.offPool) struct RosterConfigurationTests {
    func config(_ fixture: OfficeStatusFixture, _ json: String) throws -> String {
        let path = fixture.root + "/nianbao.json"
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func fileKeyLoadsTheFortyAgencyRoster() async throws {
        let fixture = try OfficeStatusFixture()
        let roster = Fixtures.directory + "/roster/huaian-city.csv"
        let loaded = try await ConfigurationLoader().load(file: try config(fixture, #"{"roster": "\#(roster)"}"#), overrides: .init())
        #expect(loaded.rosterFile == roster)
        #expect(loaded.roster?.entries.count == 40)
        #expect(loaded.roster?.entries.first?.name == "淮安市人民政府")
        // null and absence both mean: no roster.
        let none = try await ConfigurationLoader().load(file: try config(fixture, #"{"roster": null}"#), overrides: .init())
        #expect(none.rosterFile == nil && none.roster == nil)
    }

    /// Replacing the roster file by rename, then loading again (what SIGHUP does), gives the new roster.
    @Test func reloadAfterRenameReadsTheNewRoster() async throws {
        let fixture = try OfficeStatusFixture()
        let path = try fixture.roster("name,level\n淮安市教育局,部门\n")
        let file = try config(fixture, #"{"roster": "\#(path)"}"#)
        let first = try await ConfigurationLoader().load(file: file, overrides: .init())
        #expect(first.roster?.entries.map(\.name) == ["淮安市教育局"])
        let next = try fixture.roster("name,level\n淮安市教育局,部门\n淮安市民政局,部门\n", name: "roster.csv.new")
        #expect(rename(next, path) == 0)
        let second = try await ConfigurationLoader().load(file: file, overrides: .init())
        #expect(second.roster?.entries.map(\.name) == ["淮安市教育局", "淮安市民政局"])
        #expect(second != first)
    }

    @Test func rosterErrorsNameKeyFileAndLine() async throws {
        let fixture = try OfficeStatusFixture()
        let bad = try fixture.roster("name,level,folder,aliases\n淮安市教育局,部门,,\n淮安市财政局,区级,,\n")
        await #expect {
            _ = try await ConfigurationLoader().load(file: try config(fixture, #"{"roster": "\#(bad)"}"#), overrides: .init())
        } throws: { error in
            let text = "\(error)"
            return (error as? ConfigurationError)?.key == "roster" && text.contains(bad) && text.contains("roster line 3")
                && text.contains("区级")
        }
        var overrides = ConfigurationLoader.Overrides()
        overrides.rosterFile = fixture.root + "/missing.csv"
        await #expect {
            _ = try await ConfigurationLoader().load(file: nil, overrides: overrides)
        } throws: { error in
            (error as? ConfigurationError)?.key == "--roster" && "\(error)".contains("missing.csv")
        }
        let latin1 = fixture.root + "/latin1.csv"
        try Data([0x6E, 0x61, 0x6D, 0x65, 0x2C, 0x6C, 0x65, 0x76, 0x65, 0x6C, 0x0A, 0xE9, 0x2C, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        overrides.rosterFile = latin1
        await #expect {
            _ = try await ConfigurationLoader().load(file: nil, overrides: overrides)
        } throws: { error in "\(error)".contains("not UTF-8") }
        overrides.rosterFile = ""
        await #expect(throws: ConfigurationError.self) { _ = try await ConfigurationLoader().load(file: nil, overrides: overrides) }
    }

    @Test func misspeltRosterKeySuggestsRoster() async throws {
        let fixture = try OfficeStatusFixture()
        await #expect {
            _ = try await ConfigurationLoader().load(file: try config(fixture, #"{"rostr": "x.csv"}"#), overrides: .init())
        } throws: { error in "\(error)".contains("did you mean 'roster'") }
    }

    /// `nianbao watch` with a bad roster never starts: exit 2, the file and line on standard error.
    @Test func watchRefusesToStartWithABadRoster() throws {
        let fixture = try OfficeStatusFixture()
        let bad = try fixture.roster("name,level\n淮安市教育局,部门\n淮安市教育局,部门\n")
        let run = try NianbaoRun.run(["watch", "--drop", fixture.workspace.drop, "--status-dir", fixture.status,
                                      "--journal", fixture.workspace.journal, "--roster", bad], environment: ["NIANBAO_LOG": "stderr"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("configuration key '--roster'") && run.stderr.contains(bad) && run.stderr.contains("roster line 3"),
                "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.workspace.journal))
    }
}
