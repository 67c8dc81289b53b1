import NianbaoPlatform
import Testing
@testable import NianbaoDaemon

/// What the watch notices leave for `STATUS=`, the page and the metrics.
@Suite struct WatchModeTableTests {
    let nas = DropFolder(name: "nas", path: "/srv/nas")
    let local = DropFolder(name: "local", path: "/srv/local")

    func record(_ table: inout WatchModeTable, _ notice: DaemonNotice) -> Bool { table.record(notice) }

    @Test func modesStallsAndReloads() {
        var table = WatchModeTable()
        #expect(table.statusPart == "")
        #expect(record(&table, .watchMode(drop: local, plan: WatchPlan(mode: .inotify, polled: [], reason: "local file system"), pollSeconds: 5)) == true)
        #expect(table.statusPart == "")
        #expect(record(&table, .watchMode(drop: nas, plan: WatchPlan(mode: .poll, polled: [""], reason: "nfs4 file system"), pollSeconds: 5)) == true)
        #expect(table.statusPart == " (1 polled)")
        #expect(record(&table, .watchStalled(drop: "nas", path: "/srv/nas")) == true)
        #expect(record(&table, .watchStalled(drop: "nas", path: "/srv/nas")) == false)
        #expect(table.statusPart == " (1 polled) · stalled: nas")
        #expect(table.stalledDrops == ["nas"])
        #expect(record(&table, .watchResumed(drop: "nas", path: "/srv/nas")) == true)
        #expect(record(&table, .watchResumed(drop: "nas", path: "/srv/nas")) == false)
        #expect(table.stalledDrops.isEmpty)
        #expect(record(&table, .failure("other")) == false)
        // A reload without the share forgets it.
        #expect(record(&table, .reloaded(drops: [local])) == true)
        #expect(table.drops.keys.sorted() == ["local"])
    }
}
