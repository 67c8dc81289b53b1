import Foundation
import Logging
import NianbaoPlatform
import ServiceLifecycle
import UnixSignals

/// The effects loop: the interpreter of ``DaemonState``'s effects, and the one
/// place that owns the daemon's I/O and its task group — nothing else.
///
/// Data flows one way: watcher, signals, timers → ``DaemonState/apply(_:now:)``
/// → effects → child tasks → inputs → state. Every child task lives in one
/// discarding task group and answers through the inbox; the loop itself only
/// applies inputs and starts effects, so it never blocks.
final class DropLoop {
    struct Parts {
        var seams: DaemonSeams
        var judge: ReportJudge
        var journal: VerdictJournal
        var status: StatusDirectory
        var watcher: DropWatchers
        var reload: @Sendable () async throws -> DaemonConfiguration
        /// The daemon's own log (a failed reload is logged here besides its notice).
        var logger: Logger
        /// Year summaries, dashboard page and metrics file; nil: none.
        var outputs: DerivedOutputs?
        /// Receipts for the uploaders; nil: none.
        var receipts: ReceiptWriter?
        /// Notice the status and receipts directories deleted or replaced while running.
        var statusGuard = StateGuard()
        var receiptGuard = StateGuard()
        /// The office's review marks, watched for changes; nil: none.
        var marks: MarksSource? = nil
        /// Checkpoints of the state, and the journal's rotation.
        var checkpointer: JournalCheckpointer
        /// Journal time stamps and the watch on the wall clock.
        var journalClock: JournalClock
    }

    let parts: Parts
    private(set) var state: DaemonState
    let inbox: AsyncStream<DaemonInput>
    let send: AsyncStream<DaemonInput>.Continuation

    init(parts: Parts, state: DropState, config: DaemonConfiguration) {
        self.parts = parts
        let now = parts.seams.clock.now
        let settings = DaemonState.Settings(
            outputs: parts.outputs != nil, receipts: parts.receipts != nil,
            watchdogInterval: parts.seams.notifier.watchdogInterval, startedAt: Date() - now.timeInterval)
        self.state = DaemonState(drop: state, configuration: config, settings: settings)
        (inbox, send) = AsyncStream.makeStream(of: DaemonInput.self, bufferingPolicy: .unbounded)
        // As start-up left them: a deletion from now on is noticed at the next write.
        parts.statusGuard.remember([parts.status.root] + config.drops.map { parts.status.root + "/" + $0.name })
        if let receipts = parts.receipts { parts.receiptGuard.remember([receipts.directory]) }
    }

    var seams: DaemonSeams { parts.seams }

    /// Runs until SIGTERM (or the service group's shutdown) and everything in flight
    /// is done. `notices`: what start-up found (told and listed like any other);
    /// `marks`: the review marks read at start, in force before any report is judged;
    /// `initial`: what else start-up asks for (reports to judge again, receipts to write).
    func run(
        hangups: UnixSignalsSequence, notices: [DaemonNotice] = [], marks: ReviewMarks = ReviewMarks(), initial: [DaemonInput] = []
    ) async {
        var exit: (StatusSchedule.Batch, outputs: Bool, line: String)?
        await withDiscardingTaskGroup { group in
            startSources(&group, hangups: hangups)
            exit = apply([.start, .drop(.marksChanged(marks))] + notices.map { .notice($0) } + initial, &group)
            if exit == nil {
                for await input in inbox {
                    exit = apply([input], &group)
                    if exit != nil { break }
                }
            }
            group.cancelAll()
        }
        guard let (batch, outputs, line) = exit else { return }
        await finalCheckpoint()
        // Whatever is still pending goes to disk before the exit.
        let summary = batch.summary ? state.summary(updated: Self.wallTime()) : nil
        let published = outputs ? publishedState() : nil
        _ = await BlockingWork.run { [status = parts.status, derived = parts.outputs] in
            if let published { _ = derived?.write(published) }
            return StatusBatch.write(batch.changes, summary: summary, to: status)
        }
        seams.notifier.status(line)
    }

    /// The long-lived sources: watch events, shutdown, SIGHUP. (Timers are effects.)
    private func startSources(_ group: inout DiscardingTaskGroup, hangups: UnixSignalsSequence) {
        let (send, watcher, files) = (send, parts.watcher, seams.files)
        group.addTask {
            for await event in watcher.events {
                var identity: FileIdentity?
                switch event {
                case .fileClosedAfterWrite, .fileFound, .fileCreated:
                    if let path = event.absolutePath { identity = files.identity(path: path) }
                default: break
                }
                send.yield(.drop(.watch(event, identity: identity)))
            }
        }
        group.addTask {
            // Polled drop folders: their events carry the identity the scan saw (no stat here).
            for await input in watcher.polled { send.yield(input) }
        }
        group.addTask {
            try? await gracefulShutdown()
            send.yield(.stopRequested)
        }
        group.addTask {
            for await _ in hangups { send.yield(.hangup) }
        }
        if let marks = parts.marks { watchMarks(marks, &group) }
    }

    /// Applies inputs and performs their effects (and the inputs those answer at once);
    /// returns the exit, once the state asks for it.
    private func apply(_ inputs: [DaemonInput], _ group: inout DiscardingTaskGroup) -> (StatusSchedule.Batch, outputs: Bool, line: String)? {
        var inputs = inputs[...]
        while let next = inputs.popFirst() {
            for effect in state.apply(next, now: seams.clock.now) {
                if case .exit(let batch, let outputs, let line) = effect { return (batch, outputs, line) }
                if let immediate = perform(effect, &group) { inputs.append(immediate) }
            }
        }
        return nil
    }

    static func wallTime() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

extension Duration {
    /// In seconds, for `Date` arithmetic.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
