import Testing
@testable import NianbaoPlatform

/// Which drop folders are polled: the plan from statfs and mountinfo, and their parsing.
@Suite struct WatchPlanTests {
    typealias M = MountTable.Mount

    @Test func localFoldersKeepInotifyAndSharesArePolled() {
        #expect(WatchPlan.make(requested: .auto, root: "/srv/drop", rootRemote: nil, mounts: []).mode == .inotify)
        let nfs = WatchPlan.make(requested: .auto, root: "/srv/drop", rootRemote: "nfs", mounts: [])
        #expect(nfs == WatchPlan(mode: .poll, polled: [""], reason: "nfs file system"))
        let hung = WatchPlan.make(requested: .auto, root: "/srv/drop", rootRemote: "unresponsive", mounts: [])
        #expect(hung.mode == .poll)
    }

    @Test func sharesMountedBelowALocalFolderArePolledAndTheRestKeepsInotify() {
        let mounts = [M(mountPoint: "/srv/drop/nas", type: "nfs4"), M(mountPoint: "/srv/drop/nas/inner", type: "fuse.sshfs"),
                      M(mountPoint: "/srv/drop/tmp", type: "tmpfs"), M(mountPoint: "/srv/drop/cloud", type: "fuse.rclone")]
        let plan = WatchPlan.make(requested: .auto, root: "/srv/drop", rootRemote: nil, mounts: mounts)
        #expect(plan.mode == .mixed)
        #expect(plan.polled == ["cloud", "nas"])
        #expect(plan.reason == "nfs4, fuse.rclone mounted at cloud, nas")
    }

    @Test func theConfigurationOverridesDetection() {
        #expect(WatchPlan.make(requested: .poll, root: "/d", rootRemote: nil, mounts: []) == WatchPlan(mode: .poll, polled: [""], reason: "watch.mode poll"))
        let forced = WatchPlan.make(requested: .inotify, root: "/d", rootRemote: "cifs", mounts: [M(mountPoint: "/d/x", type: "nfs")])
        #expect(forced.mode == .inotify && forced.polled.isEmpty)
        #expect(forced.reason.contains("cifs: changes made on other machines are not seen"))
    }

    @Test func magicNumbersAndTypeNames() {
        for (magic, name) in [(0x6969, "nfs"), (0xFF53_4D42, "cifs"), (0xFE53_4D42, "smb2"), (0x517B, "smb"),
                              (0x6573_5546, "fuse"), (0x0102_1997, "9p"), (0x00C3_6400, "ceph")] {
            #expect(FileSystemType.remoteName(magic: magic) == name)
        }
        #expect(FileSystemType.remoteName(magic: 0xEF53) == nil)  // ext4
        #expect(FileSystemType.remoteName(magic: 0x0102_1994) == nil)  // tmpfs
        for name in ["nfs", "nfs4", "cifs", "smb3", "fuse", "fuse.sshfs", "fuse.glusterfs", "9p", "ceph", "virtiofs"] {
            #expect(FileSystemType.isRemote(typeName: name), "\(name)")
        }
        for name in ["ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs"] { #expect(!FileSystemType.isRemote(typeName: name), "\(name)") }
    }

    @Test func mountinfoIsParsedWithItsEscapes() {
        let text = """
        22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
        45 22 0:40 / /srv/drop/my\\040share rw,nosuid - fuse.sshfs host:/x rw,user_id=0
        46 22 0:41 / /srv/dropbox rw - nfs4 h:/y rw
        47 45 0:42 / /srv/drop/my\\040share/deeper rw master:3 - cifs //h/z rw

        """
        let table = MountTable.parse(text)
        #expect(table.mounts.count == 4)
        #expect(table.mounts(below: "/srv/drop") == [M(mountPoint: "/srv/drop/my share", type: "fuse.sshfs"),
                                                     M(mountPoint: "/srv/drop/my share/deeper", type: "cifs")])
        #expect(table.mount(holding: "/srv/dropbox/a")?.type == "nfs4")
        #expect(table.mount(holding: "/srv/drop/a")?.type == "ext4")
    }

    @Test func theDetectorSeesThisMachinesFileSystems() {
        // /proc is local and answers: inotify; a forced poll needs no statfs.
        #expect(WatchPlanDetector.plan(root: "/proc/self", requested: .auto).mode != .poll)
        #expect(WatchPlanDetector.plan(root: "/nonexistent/x", requested: .poll).mode == .poll)
    }
}
