import Dispatch
import Foundation
import Logging
import NianbaoPlatform
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The effects loop: the one place that owns the daemon's I/O.
///
/// Data flows one way: watcher → ``DropState/apply(_:now:)`` → effects → child
/// tasks → results (``LoopMessage``) → state. Every child task lives in one
/// discarding task group and answers through the inbox; the loop itself only
/// applies inputs and starts effects, so it never blocks.
final class DropLoop {
    struct Parts {
        var seams: DaemonSeams
        var judge: ReportJudge
        var journal: VerdictJournal
        var status: StatusDirectory
        var watcher: TreeWatcher
        var reload: @Sendable () async throws -> DaemonConfiguration
        var logger: Logger
        /// Year summaries, dashboard page and metrics file; nil: none.
        var outputs: DerivedOutputs?
        /// Receipts for the uploaders; nil: none.
        var receipts: ReceiptWriter?
    }

    let parts: Parts
    var state: DropState
    var config: DaemonConfiguration
    var batch = StatusBatch()
    var lastSummary: Summary?
    var publishScheduled = false
    var summaryDirty = false
    var lastStatusLine = ""
    var reloading = false
    var hangupPending = false
    var stopRequested = false
    var finished = false
    var wedgeReported = false
    var counters = DaemonCounters()
    var problems: [DaemonProblemRecord] = []
    var outputsDirty = true
    var outputsWriting = false
    /// When the pending wake-up for the derived outputs is due (nil: none pending).
    var outputsDueAt: Duration?
    var lastOutputs: Duration?
    var lastOutputsDuration = Duration.zero
    let inbox: AsyncStream<LoopMessage>
    let send: AsyncStream<LoopMessage>.Continuation
    let startupDone = StartupFlag()
    /// Receipt writes and removals, in order (``writeReceipt(_:_:_:)``).
    let receiptQueue = DispatchQueue(label: "nianbao.receipts")

    init(parts: Parts, state: DropState, config: DaemonConfiguration) {
        self.parts = parts
        self.state = state
        self.config = config
        (inbox, send) = AsyncStream.makeStream(of: LoopMessage.self, bufferingPolicy: .unbounded)
    }

    var seams: DaemonSeams { parts.seams }

    /// Runs until SIGTERM (or the service group's shutdown) and everything in flight is done.
    func run(hangups: UnixSignalsSequence) async {
        await withDiscardingTaskGroup { group in
            startSources(&group, hangups: hangups)
            for await message in inbox {
                handle(message, &group)
                if finished { break }
            }
            group.cancelAll()
        }
        // Whatever status is still pending goes to disk before the exit.
        let pending = batch.take()
        let summary = state.summary(updated: Self.wallTime())
        let (outputs, published) = (parts.outputs, publishedState())
        _ = await BlockingWork.run { [status = parts.status] in
            _ = outputs?.write(published)
            return StatusBatch.write(pending.changes, summary: summary, to: status)
        }
        await BlockingWork.run { [receiptQueue] in receiptQueue.sync {} }
        seams.notifier.status("stopped · \(summary.line)")
    }

    /// The long-lived sources: watch events, shutdown, SIGHUP, watchdog, start-up extension.
    private func startSources(_ group: inout DiscardingTaskGroup, hangups: UnixSignalsSequence) {
        let (send, watcher, files, clock) = (send, parts.watcher, seams.files, seams.clock)
        group.addTask {
            for await event in watcher.events {
                var identity: FileIdentity?
                switch event {
                case .fileClosedAfterWrite, .fileFound, .fileCreated:
                    if let path = event.absolutePath { identity = files.identity(path: path) }
                default: break
                }
                send.yield(.input(.watch(event, identity: identity)))
            }
        }
        group.addTask {
            try? await gracefulShutdown()
            send.yield(.stopRequested)
        }
        group.addTask {
            for await _ in hangups { send.yield(.hangup) }
        }
        if let interval = seams.notifier.watchdogInterval {
            group.addTask {
                while (try? await clock.sleep(until: clock.now + interval)) != nil {
                    send.yield(.watchdogTick)
                }
            }
        }
        let startupDone = self.startupDone
        group.addTask {
            guard (try? await clock.sleep(until: clock.now + .seconds(5))) != nil else { return }
            while !startupDone.isSet {
                send.yield(.startupTick)
                guard (try? await clock.sleep(until: clock.now + .seconds(10))) != nil else { return }
            }
        }
    }

    private func handle(_ message: LoopMessage, _ group: inout DiscardingTaskGroup) {
        switch message {
        case .input(let input):
            apply(input, &group)
        case .publishDue:
            publishScheduled = false
            publish(&group)
        case .outputsDue:
            if let due = outputsDueAt, seams.clock.now < due { break }   // a superseded wake-up
            outputsDueAt = nil
            writeOutputs(&group)
        case .outputsWritten(let errors, let took):
            outputsWriting = false
            lastOutputsDuration = took
            for error in errors { seams.observer.notice(.failure(error)) }
            if outputsDirty { writeOutputs(&group) }
        case .statusFlushed(let failures):
            if let delay = batch.flushed(failures, lastSummary: lastSummary) {
                if let error = failures.firstError { seams.observer.notice(.failure(error + "; retrying")) }
                let (send, clock) = (send, seams.clock)
                group.addTask {
                    guard (try? await clock.sleep(until: clock.now + delay)) != nil else { return }
                    send.yield(.statusRetryDue)
                }
            }
            flushStatus(&group)
        case .statusRetryDue:
            batch.retryDue()
            flushStatus(&group)
        case .watchdogTick:
            watchdogTick()
        case .startupTick:
            guard !state.isReady, !stopRequested else { return }
            seams.notifier.extendTimeout(usec: 30_000_000)
            seams.notifier.status("scanning drop folders · \(state.backlog) reports queued")
        case .hangup:
            startReload(&group)
        case .reloadLoaded(let result):
            finishReload(result, &group)
        case .stopRequested:
            guard !stopRequested else { return }
            stopRequested = true
            startupDone.set()
            seams.notifier.stopping()
            seams.observer.notice(.stopping)
            // Stop promptly whatever the workers are doing: helper processes are
            // killed and queued reports dropped; none of them has a verdict yet,
            // so the next start judges them (its reconciliation finds them).
            seams.stopChildren()
            parts.watcher.stop()
            apply(.stop, &group)
        }
    }

    /// Applies an input and performs its effects (and the inputs they yield at once).
    func apply(_ input: DropInput, _ group: inout DiscardingTaskGroup) {
        var inputs = [input]
        while !inputs.isEmpty {
            let next = inputs.removeFirst()
            for effect in state.apply(next, now: seams.clock.now) {
                if let immediate = perform(effect, &group) { inputs.append(immediate) }
            }
        }
    }

    /// Pings the watchdog while the loop runs and no in-process job is stuck
    /// (a job in a bounded child process is bounded by the child's own timeout).
    private func watchdogTick() {
        guard let interval = seams.notifier.watchdogInterval else { return }
        let now = seams.clock.now
        if let start = state.oldestInProcessStart, now - start >= interval {
            if !wedgeReported {
                wedgeReported = true
                parts.logger.error("a validation worker is wedged; withholding watchdog pings")
            }
            return
        }
        wedgeReported = false
        seams.notifier.watchdog()
    }

    static func wallTime() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

/// Set once start-up is over (READY=1 or stop): ends the start-up timeout extensions.
final class StartupFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}
