import NianbaoPlatform
import Synchronization

/// What start-up reads before the daemon runs: the journal opened (its torn tail
/// cut, in one pass), the checkpoint and the journal lines after it (streamed), the
/// current verdicts, the attempt log, and what to tell about them. Bounded by the
/// state: a checkpoint is written at the end when many lines had to be read, so the
/// next start reads few.
struct StartupState: Sendable {
    var journal: VerdictJournal
    var replay: JournalReplay.Result
    var current: [ReportKey: VerdictRecord]
    var attempts: AttemptLog
    var checkpointer: JournalCheckpointer
    var clock: JournalClock
    var notices: [DaemonNotice]

    /// Loads the state (blocking). Throws ``StartupStopped`` once `shouldStop` is true.
    static func load(_ config: DaemonConfiguration, status: StatusDirectory, shouldStop: () -> Bool) throws -> StartupState {
        let journalPath = CanonicalPath.absolute(config.journalFile)
        let journal = try VerdictJournal(path: journalPath)
        var notices: [DaemonNotice] = []
        if journal.repairedByteCount > 0 {
            notices.append(.journalRepaired(path: journalPath, bytes: journal.repairedByteCount))
        }
        if shouldStop() { throw StartupStopped() }
        let replay = try JournalReplay.load(journal: journalPath, shouldStop: shouldStop)
        if let problem = replay.checkpointProblem { notices.append(.failure(problem)) }
        if replay.unreadableLines > 0 {
            notices.append(.journalUnreadableLines(path: journalPath, lines: replay.unreadableLines))
        }
        let current = replay.current(status: status.allRecords(), drops: config.drops)
        let attempts = try AttemptLog(path: journalPath + ".attempts") { attempt in
            current[attempt.key]?.sha256 == attempt.sha256
        }
        if let damaged = attempts.damaged { notices.append(.failure(damaged)) }
        let clock = JournalClock(lastTime: replay.lastTime)
        if let step = clock.check() { notices.append(.clockStepped(seconds: Int(step.seconds.rounded()))) }
        let checkpointer = JournalCheckpointer(journal: journal, maxBytes: config.journalMaxBytes, keep: config.journalKeep)
        // Many lines read: checkpoint now (nothing writes the journal yet), so the next start does not read them again.
        if replay.checkpoint == nil || replay.lines >= config.checkpointEvery {
            if let position = checkpointer.begin(rotationFailed: { notices.append(.failure("verdict journal rotation failed: \($0)")) }) {
                let snapshot = JournalCheckpointer.Snapshot(
                    position: position, records: current, arrivals: replay.arrivals, nextSeq: replay.nextSeq, lastTime: replay.lastTime)
                if let error = checkpointer.write(snapshot) { notices.append(.failure(error)) }
            }
        }
        return StartupState(
            journal: journal, replay: replay, current: current, attempts: attempts, checkpointer: checkpointer, clock: clock,
            notices: notices)
    }
}

/// Set by SIGTERM (the service group's graceful shutdown) during start-up.
final class StartupStop: Sendable {
    private let flag = Atomic<Bool>(false)
    func set() { flag.store(true, ordering: .releasing) }
    func isSet() -> Bool { flag.load(ordering: .acquiring) }
}
