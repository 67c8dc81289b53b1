import Foundation
import NianbaoPlatform

extension DropLoop {
    /// Performs a file-state effect: a job, a journal write, a settle timer, a
    /// watch change, a verdict or removal told to the observers. Returns an input
    /// to apply at once, if the effect has one.
    func perform(_ effect: DropEffect, _ group: inout DiscardingTaskGroup) -> DropInput? {
        let (send, clock, judge, journal, files) = (send, seams.clock, parts.judge, parts.journal, seams.files)
        switch effect {
        case .read(let job):
            group.addTask {
                let outcome = await BlockingWork.run { judge.read(job) }
                send.yield(.drop(.judged(job, outcome)))
            }
        case .judgeInChild(let prepared):
            group.addTask {
                let outcome = await BlockingWork.run { judge.judge(prepared) }
                send.yield(.drop(.judged(prepared.job, outcome)))
            }
        case .crossCheck(let check):
            group.addTask {
                let (record, updates) = await BlockingWork.run { judge.crossCheck(check) }
                send.yield(.drop(.crossChecked(check.key, record, updates)))
            }
        case .recompare(let recompare):
            group.addTask {
                let update = await BlockingWork.run { judge.recompare(recompare) }
                send.yield(.drop(.recompared(recompare.this.key, previous: recompare.previous.sha256, update)))
            }
        case .probe(let probes):
            group.addTask {
                let results = await BlockingWork.run {
                    probes.map { ProbeResult(key: $0.job.key, generation: $0.generation, identity: files.identity(path: $0.job.path)) }
                }
                send.yield(.drop(.probed(results)))
            }
        case .verifyPresent(let jobs):
            group.addTask {
                let gone = await BlockingWork.run { jobs.filter { files.identity(path: $0.path) == nil }.map(\.key) }
                if !gone.isEmpty { send.yield(.drop(.missing(gone))) }
            }
        case .wake(let moment):
            group.addTask {
                guard (try? await clock.sleep(until: moment)) != nil else { return }
                send.yield(.drop(.tick))
            }
        case .append(let key, var record, let delay):
            if record.time == nil { record.time = stamp() }
            // A content's first arrival is the time its first verdict was stamped with.
            if record.arrival == nil { record.arrival = record.time }
            // Encoded once, here: the journal line, and later the status file. The
            // task keeps the line and the record without its tables, so verdicts
            // waiting for a sync hold a few kilobytes each, not their parsed tables.
            let line = StatusBatch.compact(JSONLine.bytes(record))
            let kept = record.withoutTables
            group.addTask {
                if let delay, (try? await clock.sleep(until: clock.now + delay)) == nil { return }
                if (try? journal.reopenIfReplaced()) == true { send.yield(.notice(.stateHealed(.journal, path: journal.path))) }
                do {
                    try await journal.append(line: line)
                    send.yield(.drop(.appended(key, kept, line: line)))
                } catch {
                    // Held and retried: the whole record, tables included, back from its line.
                    let whole = (try? JSONDecoder().decode(VerdictRecord.self, from: Data(line))) ?? kept
                    send.yield(.drop(.appendFailed(key, whole, error: "\(error)")))
                }
            }
        case .appendRemoval(let key, var record):
            record.time = stamp()
            let stamped = record
            // Written now, in order; its sync is shared with whatever follows.
            if (try? journal.reopenIfReplaced()) == true { send.yield(.notice(.stateHealed(.journal, path: journal.path))) }
            do { try journal.writeNow(stamped) } catch {
                return .removalFailed(key, stamped, error: "\(error)")
            }
            group.addTask {
                do {
                    try await journal.durable()
                    send.yield(.drop(.removalDurable(key, stamped)))
                } catch {
                    send.yield(.drop(.removalFailed(key, stamped, error: "\(error)")))
                }
            }
        case .verdict(let record, let key):
            seams.observer.verdict(record, key: key)
        case .removed(let record, let key):
            seams.observer.removed(record, key: key)
        case .scheduleRescan(let delay):
            group.addTask {
                guard (try? await clock.sleep(until: clock.now + delay)) != nil else { return }
                send.yield(.drop(.rescanDue))
            }
        case .rescan:
            parts.watcher.pollUnwatched()
        case .watchRoots(let add, let remove):
            for path in remove { parts.watcher.removeRoot(path) }
            for path in add { parts.watcher.addRoot(path) }
        case .checkpoint:
            checkpoint(&group)
        case .writeStatus, .removeStatus, .notice, .changed, .ready, .finished:
            break   // taken in by ``DaemonState/applyDrop(_:now:_:)``; never reach the loop
        }
        return nil
    }

    /// A journal time stamp; a clock step seen with it is told once.
    private func stamp() -> String {
        let (time, step) = parts.journalClock.stamp()
        if let step { send.yield(.notice(.clockStepped(seconds: Int(step.seconds.rounded())))) }
        return time
    }
}
