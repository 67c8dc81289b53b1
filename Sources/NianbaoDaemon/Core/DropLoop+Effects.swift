import Foundation
import Logging
import NianbaoPlatform

extension DropLoop {
    /// Performs one effect; returns an input to apply at once, if the effect has one.
    func perform(_ effect: DaemonEffect, _ group: inout DiscardingTaskGroup) -> DaemonInput? {
        let (send, clock) = (send, seams.clock)
        switch effect {
        case .work(let work):
            return perform(work, &group).map { .drop($0) }
        case .notice(let notice):
            seams.observer.notice(notice)
        case .notify(let message):
            notify(message)
        case .timer(let timer, let moment):
            group.addTask {
                guard (try? await clock.sleep(until: moment)) != nil else { return }
                send.yield(.due(timer))
            }
        case .writeStatus(let batch):
            let (status, statusGuard, journalPath) = (parts.status, parts.statusGuard, parts.journal.path)
            let folders = statusFolders
            // Found deleted or replaced (by the periodic check, or now): rebuilt from the
            // current reports and their journal lines first, in the same task as the batch.
            let rebuild = batch.rebuild || statusGuard.lost(folders) ? state.drop.current : nil
            let summary = batch.summary || rebuild != nil ? state.summary(updated: Self.wallTime()) : nil
            group.addTask {
                let (failures, untabled) = await BlockingWork.run {
                    var changes = batch.changes
                    var plan: StatusRebuild.Plan?
                    if let rebuild {
                        var made = StatusRebuild.plan(status, current: rebuild, journal: journalPath)
                        // The batch's own lines are newer (and whole): written as they are.
                        changes = made.changes.merging(batch.changes) { _, newer in newer }
                        made.untabled.subtract(batch.changes.keys)
                        plan = made
                    }
                    var failures = StatusBatch.write(changes, summary: summary, to: status)
                    if failures.firstError == nil { failures.firstError = plan?.removalError }
                    statusGuard.remember(folders)
                    return (failures, plan?.untabled)
                }
                if let untabled {
                    send.yield(.notice(.stateHealed(.statusDirectory, path: status.root)))
                    send.yield(.statusRebuilt(untabled: untabled))
                }
                send.yield(.statusWritten(failures))
            }
        case .writeOutputs:
            guard let outputs = parts.outputs else { return .outputsWritten(errors: [], took: .zero) }
            let published = publishedState()
            group.addTask {
                let started = clock.now
                let errors = await BlockingWork.run { outputs.write(published) }
                send.yield(.outputsWritten(errors: errors, took: clock.now - started))
            }
        case .receipt(let key, let change):
            guard let receipts = parts.receipts else { return .receiptDone(key, change, error: nil) }
            let receiptGuard = parts.receiptGuard
            // Deleted or replaced since the last change: every receipt is written again.
            if receiptGuard.lost([receipts.directory]) {
                receiptGuard.remember([receipts.directory])
                send.yield(.receiptsLost)
            }
            group.addTask {
                defer { receiptGuard.remember([receipts.directory]) }
                let error: String? = await BlockingWork.run {
                    do {
                        switch change {
                        case .write(let record): try receipts.write(record, key: key)
                        case .remove: try receipts.remove(key)
                        }
                        return nil
                    } catch { return "\(error)" }
                }
                send.yield(.receiptDone(key, change, error: error))
            }
        case .loadConfiguration:
            let (reload, logger) = (parts.reload, parts.logger)
            // A marks file without an inotify watch is read again at every reload.
            let unwatchedMarks = parts.marks.flatMap { $0.unwatched == nil ? nil : $0 }
            group.addTask {
                if let unwatchedMarks, let read = await BlockingWork.run({ unwatchedMarks.read().marks }) {
                    send.yield(.drop(.marksChanged(read)))
                }
                do {
                    var fresh = try await reload()
                    fresh.drops = fresh.drops.map { DropFolder(name: $0.name, path: CanonicalPath.absolute($0.path)) }
                    send.yield(.reloadLoaded(fresh))
                } catch {
                    logger.error("reload failed, keeping the previous configuration: \(error)")
                    send.yield(.reloadFailed("\(error)"))
                }
            }
        case .applyConfiguration(let fresh):
            if let refusal = ReloadChanges.refusal(fresh, over: state.configuration, exists: { Directories.isDirectory($0) }) {
                parts.logger.error("reload failed, keeping the previous configuration: \(refusal)")
                return .reloadFailed(refusal)
            }
            for drop in fresh.drops where !state.configuration.drops.contains(drop) {
                try? Directories.create(drop.path)
            }
            do { try parts.journal.reopenNow() } catch {
                parts.logger.error("reload failed, keeping the previous configuration: \(error)")
                return .reloadFailed("\(error)")
            }
            parts.watcher.update(drops: fresh.drops, settings: fresh.watchingSettings)
            return .configurationApplied(fresh)
        case .checkState:
            return checkState()
        case .stopWork:
            seams.helpers.stopAll()
            parts.watcher.stop()
            parts.marks?.watcher.stop()
        case .exit:
            break   // the run loop ends (``run(hangups:notices:)``)
        }
        return nil
    }

    private func notify(_ message: ServiceMessage) {
        let notifier = seams.notifier
        switch message {
        case .ready: notifier.ready()
        case .reloading: notifier.reloading()
        case .stopping: notifier.stopping()
        case .status(let line): notifier.status(line)
        case .watchdog: notifier.watchdog()
        case .extendTimeout(let usec): notifier.extendTimeout(usec: usec)
        }
    }

    /// The state the derived outputs are made from, now.
    func publishedState() -> PublishedState {
        state.published(journalSyncs: parts.journal.syncTimes.snapshot, time: Date())
    }
}
