import Foundation
import NianbaoPlatform

extension DropLoop {
    /// Performs one effect; returns an input to apply at once, if the effect has one.
    func perform(_ effect: DropEffect, _ group: inout DiscardingTaskGroup) -> DropInput? {
        let (send, clock, judge, journal, files) = (send, seams.clock, parts.judge, parts.journal, seams.files)
        switch effect {
        case .read(let job):
            group.addTask {
                let outcome = await BlockingWork.run { judge.read(job) }
                send.yield(.input(.judged(job, outcome)))
            }
        case .judgeInChild(let prepared):
            group.addTask {
                let outcome = await BlockingWork.run { judge.judge(prepared) }
                send.yield(.input(.judged(prepared.job, outcome)))
            }
        case .crossCheck(let check):
            group.addTask {
                let (record, updates) = await BlockingWork.run { judge.crossCheck(check) }
                send.yield(.input(.crossChecked(check.key, record, updates)))
            }
        case .probe(let probes):
            group.addTask {
                let results = await BlockingWork.run {
                    probes.map { ProbeResult(key: $0.job.key, generation: $0.generation, identity: files.identity(path: $0.job.path)) }
                }
                send.yield(.input(.probed(results)))
            }
        case .verifyPresent(let jobs):
            group.addTask {
                let gone = await BlockingWork.run { jobs.filter { files.identity(path: $0.path) == nil }.map(\.key) }
                if !gone.isEmpty { send.yield(.input(.missing(gone))) }
            }
        case .wake(let moment):
            group.addTask {
                guard (try? await clock.sleep(until: moment)) != nil else { return }
                send.yield(.input(.tick))
            }
        case .append(let key, var record, let delay):
            if record.time == nil { record.time = Self.wallTime() }
            // Encoded once, here: the journal line, and later the status file. The
            // task keeps the line and the record without its tables, so verdicts
            // waiting for a sync hold a few kilobytes each, not their parsed tables.
            let line = StatusBatch.compact(JSONLine.bytes(record))
            let kept = record.withoutTables
            group.addTask {
                if let delay, (try? await clock.sleep(until: clock.now + delay)) == nil { return }
                do {
                    try await journal.append(line: line)
                    send.yield(.input(.appended(key, kept, line: line)))
                } catch {
                    // Held and retried: the whole record, tables included, back from its line.
                    let whole = (try? JSONDecoder().decode(VerdictRecord.self, from: Data(line))) ?? kept
                    send.yield(.input(.appendFailed(key, whole, error: "\(error)")))
                }
            }
        case .appendRemoval(let key, var record):
            record.time = Self.wallTime()
            let stamped = record
            // Written now, in order; its sync is shared with whatever follows.
            do { try journal.writeNow(stamped) } catch {
                return .removalFailed(key, stamped, error: "\(error)")
            }
            group.addTask {
                do {
                    try await journal.durable()
                    send.yield(.input(.removalDurable(key, stamped)))
                } catch {
                    send.yield(.input(.removalFailed(key, stamped, error: "\(error)")))
                }
            }
        case .writeStatus(let key, let line):
            batch.add(key, .write(line: line))
            flushStatus(&group)
        case .removeStatus(let key):
            batch.add(key, .remove)
            flushStatus(&group)
        case .verdict(let record, let key):
            seams.observer.verdict(record, key: key)
            count(record)
            if let receipts = parts.receipts { writeReceipt(receipts, record, key) }
        case .removed(let record, let key):
            seams.observer.removed(record, key: key)
            if let receipts = parts.receipts { removeReceipt(receipts, key) }
        case .notice(let notice):
            seams.observer.notice(notice)
            remember(notice)
        case .changed(let summary):
            summaryDirty = summaryDirty || summary
            outputsDirty = true
            schedulePublish(&group)
        case .ready:
            startupDone.set()
            seams.observer.notice(.started(drops: state.drops))
            seams.notifier.ready()
            lastStatusLine = statusLine()
            seams.notifier.status(lastStatusLine)
            if hangupPending {
                hangupPending = false
                startReload(&group)
            }
        case .scheduleRescan(let delay):
            group.addTask {
                guard (try? await clock.sleep(until: clock.now + delay)) != nil else { return }
                send.yield(.input(.rescanDue))
            }
        case .rescan:
            parts.watcher.rescan()
        case .watchRoots(let add, let remove):
            for path in remove { parts.watcher.removeRoot(path) }
            for path in add { parts.watcher.addRoot(path) }
        case .finished:
            finished = true
        }
        return nil
    }

    /// Starts writing pending status files unless a batch is being written.
    func flushStatus(_ group: inout DiscardingTaskGroup) {
        guard batch.shouldFlush else { return }
        let (changes, summary) = batch.take()
        if let summary { lastSummary = summary }
        let (send, status) = (send, parts.status)
        group.addTask {
            let failures = await BlockingWork.run { StatusBatch.write(changes, summary: summary, to: status) }
            send.yield(.statusFlushed(failures))
        }
    }

    /// Publishes summary.json and STATUS= at most every 100 ms; idle, nothing wakes.
    func schedulePublish(_ group: inout DiscardingTaskGroup) {
        guard !publishScheduled, !finished else { return }
        publishScheduled = true
        let (send, clock) = (send, seams.clock)
        group.addTask {
            guard (try? await clock.sleep(until: clock.now + .milliseconds(100))) != nil else { return }
            send.yield(.publishDue)
        }
    }

    func publish(_ group: inout DiscardingTaskGroup) {
        writeOutputs(&group)
        if summaryDirty {
            summaryDirty = false
            batch.add(state.summary(updated: Self.wallTime()))
            flushStatus(&group)
        }
        guard state.isReady || stopRequested else { return }
        let line = statusLine()
        if line != lastStatusLine {
            lastStatusLine = line
            seams.notifier.status(line)
        }
    }

    /// The one-line live summary for STATUS=.
    func statusLine() -> String {
        let drops = state.drops.count
        let folders = "watching \(drops) folder\(drops == 1 ? "" : "s")"
        if let held = state.storageBacklog {
            return "磁盘空间不足：\(held) 份报告待写入 · \(folders) · queue \(state.backlog)"
        }
        return "\(folders) · \(state.summary(updated: "").line) · queue \(state.backlog)"
    }
}
