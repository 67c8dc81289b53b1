import Testing
@testable import NianbaoPlatform

/// The events one poll scan's changes become: the order and meaning inotify gives.
@Suite struct PollChangesTests {
    static func id(_ inode: UInt64, size: Int64 = 10, mtime: Int64 = 100, ctime: Int64 = 100) -> FileIdentity {
        FileIdentity(device: 1, inode: inode, size: size, modificationTimeNanoseconds: mtime, changeTimeNanoseconds: ctime, kind: .regular)
    }

    typealias O = PollChanges.Observed

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var changes: PollChanges
        var found = false
        var expected: [WatchEvent]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a new file is created, with its identity",
             changes: PollChanges(appeared: [O(path: "a.txt", identity: id(1))]),
             expected: [.fileCreated(root: "/r", path: "a.txt")]),
        Case(name: "a first scan finds",
             changes: PollChanges(appeared: [O(path: "a.txt", identity: id(1))]), found: true,
             expected: [.fileFound(root: "/r", path: "a.txt")]),
        Case(name: "the same inode, size and mtime at a new path is a rename (ctime changes on rename)",
             changes: PollChanges(appeared: [O(path: "b.txt", identity: id(1, ctime: 200))], vanished: [O(path: "a.txt", identity: id(1))]),
             expected: [.fileRemoved(root: "/r", path: "a.txt"), .fileMovedIn(root: "/r", path: "b.txt")]),
        Case(name: "a renamed file written after the move settles",
             changes: PollChanges(appeared: [O(path: "b.txt", identity: id(1, size: 20))], vanished: [O(path: "a.txt", identity: id(1))]),
             expected: [.fileRemoved(root: "/r", path: "a.txt"), .fileCreated(root: "/r", path: "b.txt")]),
        Case(name: "an upload renamed from its temporary name is moved in; the temporary name is never told",
             changes: PollChanges(appeared: [O(path: "r.txt", identity: id(1))], vanished: [O(path: "r.txt.part", identity: id(1), ignored: true)]),
             expected: [.fileMovedIn(root: "/r", path: "r.txt")]),
        Case(name: "a file renamed to a temporary name is removed",
             changes: PollChanges(appeared: [O(path: "r.tmp", identity: id(1), ignored: true)], vanished: [O(path: "r.txt", identity: id(1))]),
             expected: [.fileRemoved(root: "/r", path: "r.txt")]),
        Case(name: "a directory gone is one removal, whatever was inside",
             changes: PollChanges(vanished: [O(path: "d/a.txt", identity: id(1)), O(path: "d/e/b.txt", identity: id(2))],
                                  vanishedDirectories: ["d/e", "d"]),
             expected: [.directoryRemoved(root: "/r", path: "d")]),
        Case(name: "a directory renamed: removed, then its files moved in",
             changes: PollChanges(appeared: [O(path: "n/a.txt", identity: id(1))], vanished: [O(path: "d/a.txt", identity: id(1))],
                                  vanishedDirectories: ["d"]),
             expected: [.directoryRemoved(root: "/r", path: "d"), .fileMovedIn(root: "/r", path: "n/a.txt")]),
        Case(name: "a changed file settles again, after the removals and the new files",
             changes: PollChanges(appeared: [O(path: "new.txt", identity: id(3))], changed: [O(path: "a.txt", identity: id(1, size: 11))],
                                  vanished: [O(path: "gone.txt", identity: id(2))]),
             expected: [.fileRemoved(root: "/r", path: "gone.txt"), .fileCreated(root: "/r", path: "new.txt"),
                        .fileClosedAfterWrite(root: "/r", path: "a.txt")]),
        Case(name: "a file renamed while still being written settles at its new path",
             changes: PollChanges(appeared: [O(path: "b.txt", identity: id(1))], vanished: [O(path: "a.txt", identity: id(1))],
                                  unsettled: ["a.txt"]),
             expected: [.fileRemoved(root: "/r", path: "a.txt"), .fileCreated(root: "/r", path: "b.txt")]),
        Case(name: "a changed temporary file is not told",
             changes: PollChanges(changed: [O(path: "x.part", identity: id(1), ignored: true)]),
             expected: []),
        Case(name: "a found scan does not match renames",
             changes: PollChanges(appeared: [O(path: "b.txt", identity: id(1))], vanished: [O(path: "a.txt", identity: id(1))]), found: true,
             expected: [.fileRemoved(root: "/r", path: "a.txt"), .fileFound(root: "/r", path: "b.txt")]),
    ]

    @Test(arguments: cases) func events(_ c: Case) {
        #expect(c.changes.events(root: "/r", found: c.found).map(\.event) == c.expected)
    }

    @Test func settlingEventsCarryTheScansIdentityAndOthersNone() {
        let changes = PollChanges(appeared: [O(path: "n.txt", identity: Self.id(3))], changed: [O(path: "c.txt", identity: Self.id(4, size: 9))],
                                  vanished: [O(path: "g.txt", identity: Self.id(2))])
        let events = changes.events(root: "/r", found: false)
        #expect(events.map(\.identity) == [nil, Self.id(3), Self.id(4, size: 9)])
    }
}
