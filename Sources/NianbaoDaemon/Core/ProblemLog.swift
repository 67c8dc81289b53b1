import Foundation
import NianbaoViews

/// The daemon's recent problems, for the dashboard: every notice that is a
/// problem (``DaemonNotice/problemKind``) and every refused entry, so the page
/// lists the same set the journal and the log get.
///
/// Invariants: oldest first; at most ``DaemonCounters/problemLimit`` kept.
struct ProblemLog: Sendable, Equatable {
    private(set) var records: [DaemonProblemRecord] = []

    /// Keeps `notice` if it is a problem; true when it was kept.
    mutating func add(_ notice: DaemonNotice, at time: Date) -> Bool {
        guard let kind = notice.problemKind else { return false }
        add(kind, path: notice.problemPath, text: NoticeText.chinese(notice), at: time)
        return true
    }

    mutating func add(_ kind: DaemonProblemKind, path: String?, text: String, at time: Date) {
        records.append(DaemonProblemRecord(time: time, kind: kind, path: path, text: text))
        if records.count > DaemonCounters.problemLimit { records.removeFirst(records.count - DaemonCounters.problemLimit) }
    }
}
