import Foundation
import NianbaoPlatform
import NianbaoTestSupport
import Testing
@testable import NianbaoDaemon

/// A reload applies the drop folders and the roster; `state.*` and the other
/// start-only keys are said to need a restart (not "reloaded" as if in force);
/// a drop folder it adds must exist unless `watch.createDrops`.
@Suite struct ReloadChangesTests {
    @Test func stateKeysAreAnnouncedAsNeedingARestartAndKeptAsTheyWere() {
        var state = D.state()
        var fresh = state.configuration
        fresh.journalFile = "/srv/elsewhere/verdicts.jsonl"
        fresh.statusDirectory = "/srv/elsewhere/status"
        fresh.drops.append(DropFolder(name: "more", path: "/srv/more"))
        _ = state.apply(.hangup, now: .zero)
        let applied = state.apply(.configurationApplied(fresh), now: D.s(1))
        #expect(applied.notices.contains(.restartNeeded(keys: ["state.statusDirectory", "state.journalFile"])))
        #expect(state.configuration.journalFile == "/srv/journal", "the journal in force stays")
        #expect(state.configuration.drops.count == 2, "the drop folders are applied")
        // Reloading the same file again says it again: the running values still differ.
        _ = state.apply(.hangup, now: D.s(2))
        #expect(state.apply(.configurationApplied(fresh), now: D.s(3)).notices.contains(.restartNeeded(keys: ["state.statusDirectory", "state.journalFile"])))
    }

    @Test func aReloadWithoutStateChangesSaysNothingOfARestart() {
        var state = D.state()
        _ = state.apply(.hangup, now: .zero)
        let applied = state.apply(.configurationApplied(state.configuration), now: D.s(1))
        #expect(!applied.notices.contains { if case .restartNeeded = $0 { true } else { false } })
        #expect(ReloadChanges.restartKeys(from: state.configuration, to: state.configuration).isEmpty)
    }

    @Test func theTextSaysRestartNotReloaded() {
        let text = NoticeText.english(.restartNeeded(keys: ["state.journalFile"]))
        #expect(text.contains("restart") && text.contains("state.journalFile"))
        #expect(NoticeText.chinese(.restartNeeded(keys: ["state.journalFile"])).contains("重启"))
    }

    @Test func aMissingDropIsRefusedUnlessCreateDrops() throws {
        let ws = try Workspace()
        let old = DaemonConfiguration(drops: [DropFolder(name: "drop", path: ws.drop)])
        var fresh = old
        fresh.drops.append(DropFolder(name: "gone", path: ws.root + "/gone"))
        let refusal = ReloadChanges.refusal(fresh, over: old, exists: Directories.isDirectory)
        #expect(refusal?.contains(ws.root + "/gone") == true)
        fresh.createDrops = true
        #expect(ReloadChanges.refusal(fresh, over: old, exists: Directories.isDirectory) == nil)
        fresh.createDrops = false
        try FileManager.default.createDirectory(atPath: ws.root + "/gone", withIntermediateDirectories: true)
        #expect(ReloadChanges.refusal(fresh, over: old, exists: Directories.isDirectory) == nil)
    }
}
