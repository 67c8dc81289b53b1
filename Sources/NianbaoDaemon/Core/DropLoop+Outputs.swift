import Dispatch
import Foundation
import NianbaoEngine
import NianbaoViews

extension DropLoop {
    /// Shortest time between two writes of the derived outputs; stretched to
    /// four times the last write's duration, so rendering a large state's page
    /// never takes more than a fifth of a core while reports pour in.
    static let outputsInterval = Duration.seconds(1)
    // While reports wait to be judged (a start over a full folder, a burst) the
    // outputs wait `config.backlogOutputsInterval` (10 s): the page of a half-judged
    // backlog is stale at once, and rendering it again and again takes the cores the
    // backlog needs. When the backlog is gone, they are written within
    // `outputsInterval` again.

    /// Writes the year summaries, the dashboard and the metrics file when
    /// something changed, at most about once a second (every ten seconds during a
    /// backlog), never while idle.
    func writeOutputs(_ group: inout DiscardingTaskGroup) {
        guard let outputs = parts.outputs, outputsDirty, !outputsWriting else { return }
        let now = seams.clock.now
        var interval = max(Self.outputsInterval, lastOutputsDuration * 4)
        if state.backlog > 0 { interval = max(interval, config.backlogOutputsInterval) }
        if let last = lastOutputs, now - last < interval {
            // One wake-up pending at or before this one is enough; a later one (set during
            // the backlog) is superseded by this earlier one and its message ignored.
            let due = last + interval
            if let pending = outputsDueAt, pending <= due { return }
            outputsDueAt = due
            let (send, clock) = (send, seams.clock)
            group.addTask {
                guard (try? await clock.sleep(until: due)) != nil else { return }
                send.yield(.outputsDue)
            }
            return
        }
        outputsDueAt = nil
        outputsDirty = false
        outputsWriting = true
        lastOutputs = now
        let (send, published, clock) = (send, publishedState(), seams.clock)
        group.addTask {
            let started = clock.now
            let errors = await BlockingWork.run { outputs.write(published) }
            send.yield(.outputsWritten(errors, took: clock.now - started))
        }
    }

    /// The state the derived outputs are made from.
    func publishedState() -> PublishedState {
        PublishedState(
            records: state.current, drops: state.drops, roster: config.roster, queueDepth: state.backlog,
            counters: counters, problems: problems, journalSyncs: parts.journal.syncTimes.snapshot, time: Date())
    }

    /// Counts a durable verdict (and a refusal by its code).
    func count(_ record: VerdictRecord) {
        counters.judged += 1
        counters.lastVerdict = Date()
        if let code = record.findings.first?.code, code.hasPrefix("input.") {
            counters.refused[code, default: 0] += 1
            problem(kind: .refused, path: record.relativePath, text: record.findings[0].message)
        }
    }

    /// Keeps the notices the office should see on the dashboard.
    func remember(_ notice: DaemonNotice) {
        guard let kind = notice.problemKind else { return }
        problem(kind: kind, path: notice.problemPath, text: NoticeText.chinese(notice))
    }

    private func problem(kind: DaemonProblemKind, path: String?, text: String) {
        problems.append(DaemonProblemRecord(time: Date(), kind: kind, path: path, text: text))
        if problems.count > DaemonCounters.problemLimit { problems.removeFirst(problems.count - DaemonCounters.problemLimit) }
        outputsDirty = true
    }

    /// Receipt changes go through one serial queue, so a report's write and a
    /// removal just after it land in that order.
    func writeReceipt(_ receipts: ReceiptWriter, _ record: VerdictRecord, _ key: ReportKey) {
        let observer = seams.observer
        receiptQueue.async {
            do { try receipts.write(record, key: key) } catch { observer.notice(.failure("receipt write failed for \(key): \(error)")) }
        }
    }

    func removeReceipt(_ receipts: ReceiptWriter, _ key: ReportKey) {
        let observer = seams.observer
        receiptQueue.async {
            do { try receipts.remove(key) } catch { observer.notice(.failure("receipt removal failed for \(key): \(error)")) }
        }
    }
}
